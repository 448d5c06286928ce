# Entity resolution use cases (run, review, explain, decide, undo) on tafkik_app.
target_sources(tafkik_app PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/resolve.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/resolve_loader.cc)
target_link_libraries(tafkik_app PUBLIC tafkik::resolve)

tafkik_test(app_resolve_test
  SOURCES resolve_test.cc
  DEPS tafkik::app
  LABELS resolve app)
