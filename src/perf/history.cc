#include "perf/history.h"

#include <ctime>

#include <nlohmann/json.hpp>

namespace hypergen::perf {

using json = nlohmann::ordered_json;

const OpResult* RunRecord::op(std::string_view name) const {
  for (const OpResult& o : ops) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

std::string encode_run(const RunRecord& run) {
  json j;
  j["schema"] = kHistorySchema;
  j["time"] = run.time;
  j["version"] = run.version;
  j["workspace"] = run.workspace;
  j["sample"] = run.sample;
  j["iterations"] = run.iterations;
  j["jobs"] = run.jobs;
  j["peak_rss_kb"] = run.peak_rss_kb;
  json ops = json::object();
  for (const OpResult& o : run.ops) {
    Summary s = o.summary();
    json e;
    json samples = json::array();
    for (double v : o.samples_ns) samples.push_back(static_cast<std::int64_t>(v));
    e["samples_ns"] = samples;
    e["min_ns"] = static_cast<std::int64_t>(s.min);
    e["median_ns"] = static_cast<std::int64_t>(s.median);
    e["p95_ns"] = static_cast<std::int64_t>(s.p95);
    e["max_ns"] = static_cast<std::int64_t>(s.max);
    e["mad_ns"] = static_cast<std::int64_t>(s.mad);
    e["peak_rss_kb"] = o.peak_rss_kb;
    ops[o.name] = e;
  }
  j["ops"] = ops;
  json counters = json::object();
  for (const auto& [k, v] : run.counters) counters[k] = v;
  j["counters"] = counters;
  return j.dump();
}

Result<RunRecord> decode_run(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  auto bad = [](std::string why) { return make_error(ErrorKind::kData, std::move(why)); };
  if (j.is_discarded()) return bad("not JSON");
  if (!j.is_object()) return bad("not a JSON object");
  if (!j.contains("schema") || !j["schema"].is_number_integer()) return bad("no schema number");
  if (j["schema"].get<int>() != kHistorySchema) {
    return bad("schema " + j["schema"].dump() + " (this version reads schema " +
               std::to_string(kHistorySchema) + ")");
  }
  if (!j.contains("ops") || !j["ops"].is_object()) return bad("no 'ops' object");
  RunRecord r;
  auto str = [&](const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  auto num = [&](const json& o, const char* key) -> std::int64_t {
    return o.contains(key) && o[key].is_number() ? o[key].get<std::int64_t>() : 0;
  };
  r.time = str("time");
  r.version = str("version");
  r.workspace = str("workspace");
  r.sample = str("sample");
  r.iterations = static_cast<int>(num(j, "iterations"));
  r.jobs = static_cast<int>(num(j, "jobs"));
  r.peak_rss_kb = num(j, "peak_rss_kb");
  for (const auto& [name, o] : j["ops"].items()) {
    if (!o.is_object() || !o.contains("samples_ns") || !o["samples_ns"].is_array()) {
      return bad("operation '" + name + "' has no samples_ns array");
    }
    OpResult op;
    op.name = name;
    for (const json& v : o["samples_ns"]) {
      if (!v.is_number() || v.get<double>() < 0) {
        return bad("operation '" + name + "' has a sample that is not a non-negative number");
      }
      op.samples_ns.push_back(v.get<double>());
    }
    op.peak_rss_kb = num(o, "peak_rss_kb");
    r.ops.push_back(std::move(op));
  }
  if (j.contains("counters") && j["counters"].is_object()) {
    for (const auto& [k, v] : j["counters"].items()) {
      if (v.is_number_unsigned() || v.is_number_integer()) r.counters[k] = v.get<std::uint64_t>();
    }
  }
  return r;
}

HistoryRead parse_history(std::string_view text) {
  HistoryRead out;
  std::size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    bool terminated = nl != std::string_view::npos;
    std::string_view line = text.substr(pos, terminated ? nl - pos : std::string_view::npos);
    pos = terminated ? nl + 1 : text.size();
    ++line_no;
    bool last = pos >= text.size();
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto run = decode_run(line);
    if (run) {
      out.runs.push_back(std::move(*run));
    } else if (last) {
      out.torn = 1;
    } else {
      out.skipped.push_back(line_no);
    }
  }
  return out;
}

std::string HistoryRead::describe(std::string_view path) const {
  if (!damaged()) return "";
  std::string text = std::string(path) + ": ";
  if (torn) text += "ignored a torn last line";
  if (!skipped.empty()) {
    if (torn) text += "; ";
    text += "ignored " + std::to_string(skipped.size()) + " unreadable line(s) (";
    for (std::size_t i = 0; i < skipped.size() && i < 5; ++i) {
      if (i > 0) text += ", ";
      text += std::to_string(skipped[i]);
    }
    if (skipped.size() > 5) text += ", …";
    text += ")";
  }
  text +=
      "; " + std::to_string(runs.size()) + " run(s) kept (the file is repaired on the next write)";
  return text;
}

Result<HistoryRead> read_history(FileSystem& fs, const std::string& path) {
  auto st = fs.stat(path);
  if (!st) return tl::unexpected(st.error());
  if (!st->exists()) return HistoryRead{};
  if (!st->is_file()) {
    return make_error(ErrorKind::kIo, "the perf history '" + path + "' is not a file");
  }
  auto text = fs.read_file(path);
  if (!text) return tl::unexpected(text.error());
  return parse_history(*text);
}

Status write_file_atomic(FileSystem& fs, const std::string& path, std::string_view data) {
  auto slash = path.rfind('/');
  if (slash != std::string::npos && slash > 0) {
    HG_RETURN_IF_ERROR(fs.make_dirs(path.substr(0, slash)));
  }
  std::string tmp = path + ".tmp";
  HG_RETURN_IF_ERROR(fs.write_file(tmp, data, false));
  auto renamed = fs.rename(tmp, path);
  if (!renamed) {
    (void)fs.remove(tmp);
    return renamed;
  }
  return {};
}

Result<HistoryRead> append_history(FileSystem& fs, const std::string& path, const RunRecord& run) {
  auto before = read_history(fs, path);
  if (!before) return tl::unexpected(before.error());
  std::size_t keep = before->runs.size() >= kMaxHistory ? kMaxHistory - 1 : before->runs.size();
  std::string text;
  for (std::size_t i = before->runs.size() - keep; i < before->runs.size(); ++i) {
    text += encode_run(before->runs[i]) + "\n";
  }
  text += encode_run(run) + "\n";
  HG_RETURN_IF_ERROR(write_file_atomic(fs, path, text));
  return before;
}

std::vector<OpComparison> compare_runs(const RunRecord& baseline, const RunRecord& current,
                                       const RegressionRule& rule) {
  std::vector<OpComparison> out;
  for (const OpResult& op : current.ops) {
    const OpResult* base = baseline.op(op.name);
    if (base == nullptr) continue;
    out.push_back({op.name, compare_samples(base->samples_ns, op.samples_ns, rule)});
  }
  return out;
}

std::string utc_now_iso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace hypergen::perf
