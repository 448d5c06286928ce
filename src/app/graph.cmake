# Network analysis use cases (tafkik network ...): snapshots from the store, named results.
target_sources(tafkik_app PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/graph_network.cc
                                  ${CMAKE_CURRENT_SOURCE_DIR}/graph_analysis.cc
                                  ${CMAKE_CURRENT_SOURCE_DIR}/graph_places.cc)
target_link_libraries(tafkik_app PUBLIC tafkik::graph)

tafkik_test(graph_app_test
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/graph_network_test.cc
          ${CMAKE_CURRENT_SOURCE_DIR}/graph_places_test.cc
  DEPS tafkik::app
  LABELS graph app)
