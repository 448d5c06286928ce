# The casefile capability's use cases (evidence, custody, investigation log, report, package).
target_sources(tafkik_app PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/casefile.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/casefile_records.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/casefile_facts.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/casefile_log.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/casefile_report.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/casefile_package.cc)
target_link_libraries(tafkik_app PUBLIC tafkik::casefile)

tafkik_test(casefile_app_test
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/casefile_test.cc
          ${CMAKE_CURRENT_SOURCE_DIR}/casefile_report_test.cc
  DEPS tafkik::app
  LABELS casefile app)
