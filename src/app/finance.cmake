# Financial investigation use cases (tafkik money ...): load payments, trace, detect, summarise.
target_sources(tafkik_app PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/finance.cc)
target_link_libraries(tafkik_app PUBLIC tafkik::finance)
# Default structuring thresholds per country (data/finance/thresholds.json).
set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/finance.cc PROPERTIES
  COMPILE_DEFINITIONS TAFKIK_FINANCE_DATA_DIR="${PROJECT_SOURCE_DIR}/data/finance")

tafkik_test(finance_app_test
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/finance_test.cc
  DEPS tafkik::app
  LABELS finance app)
