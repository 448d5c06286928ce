target_sources(tafkik PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/cmd_screen.cc)
