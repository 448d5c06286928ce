# Users, case memberships, identity grants and the login check (app/access.h).
target_sources(tafkik_app PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/access.cc)
target_link_libraries(tafkik_app PUBLIC tafkik::access)

tafkik_test(app_access_test
  SOURCES access_test.cc
  DEPS tafkik::app
  LABELS app access)
