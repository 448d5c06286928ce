#include "cli/cli.h"

int main(int argc, char** argv) { return tafkik::cli::Main(argc, argv); }
