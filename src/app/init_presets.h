#pragma once
// What `hypergen init generator` writes for each framework (V8's six
// presets, in Liquid): the framework's variables, an example, and template
// files. Every preset yields a generator that passes `template validate`
// and runs as written.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hypergen::app {

struct GeneratorPreset {
  std::string_view framework;
  std::string_view variables;  // YAML lines under `variables:` (after `name`), 2-space indented
  std::string_view example;    // YAML flow mapping of the example's extra values
  std::vector<std::pair<std::string_view, std::string_view>> files;  // under templates/
};

const GeneratorPreset* find_preset(std::string_view framework);

// The files of a new generator in `gen_dir` (relative paths and contents).
std::vector<std::pair<std::string, std::string>> generator_files(
    const std::string& gen_dir, const std::string& name, const std::string& description,
    const std::string& category, const std::string& author, const GeneratorPreset& preset);

}  // namespace hypergen::app
