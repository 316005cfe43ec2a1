#include "cli/cli.h"

int main(int argc, char** argv) {
  return hypergen::cli::main(argc, argv);
}
