# Victim identification screening (app/screening.h): screenings, referrals, statistics export.
target_sources(tafkik_app PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/screening.cc)
target_link_libraries(tafkik_app PUBLIC tafkik::screening)

tafkik_test(screening_app_test
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/screening_test.cc
  DEPS tafkik::app
  LABELS screening app)
