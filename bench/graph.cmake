# Network kernels side by side with python3-igraph and python3-graph-tool (graph_bench.sh).
add_executable(graph_benchmark graph_benchmark.cc)
target_link_libraries(graph_benchmark PRIVATE tafkik::graph)
