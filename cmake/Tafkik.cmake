# tafkik_module(NAME SOURCES a.cc b.cc DEPS tafkik::core ...)
#   A static library tafkik_NAME with alias tafkik::NAME. Includes are written from src/.
function(tafkik_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(tafkik_${name} STATIC ${ARG_SOURCES})
  add_library(tafkik::${name} ALIAS tafkik_${name})
  target_include_directories(tafkik_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(tafkik_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# tafkik_test(NAME SOURCES a_test.cc DEPS tafkik::x LABELS store [slow])
#   One gtest binary per module; every test gets the given ctest labels.
function(tafkik_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    TAFKIK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
  # gtest_discover_tests splits a list of labels into stray properties, so the labels are set
  # after discovery on every test it found (it defines ${name}_TESTS), from an include file.
  set(labels_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_labels.cmake)
  file(WRITE ${labels_file}
    "if(${name}_TESTS)\n"
    "  set_tests_properties(\${${name}_TESTS} PROPERTIES LABELS \"${ARG_LABELS}\")\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${labels_file})
endfunction()
