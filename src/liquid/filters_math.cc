// Math filters, as LiquidJS 10 implements them: every operand goes through
// toNumber() (a non-numeric string is 0), arithmetic is IEEE double as in
// JavaScript, and integral results come back as integers.
#include <algorithm>
#include <cmath>
#include <string>

#include "liquid/filters_internal.h"

namespace hypergen::liquid::filters {

namespace {

// Math.round: half-way cases go towards +∞.
double js_round(double x) {
  if (!std::isfinite(x)) return x;
  double r = std::floor(x);
  return (x - r >= 0.5) ? r + 1 : r;
}

// LiquidJS shiftDecimal(): moves the decimal point through the string form so
// that round(1.005, 2) behaves like it does in LiquidJS.
double shift_decimal(double n, double exponent) {
  std::string s = format_number(n);
  std::string mantissa = s;
  double power = 0;
  if (auto e = s.find('e'); e != std::string::npos) {
    mantissa = s.substr(0, e);
    power = parse_js_number(s.substr(e + 1));
  }
  return parse_js_number(mantissa + "e" + format_number(power + exponent));
}

}  // namespace

Result<Value> abs(const Value& input, const FilterArgs&, const FilterContext&) {
  return number_value(std::fabs(to_number(&input)));
}

Result<Value> at_least(const Value& input, const FilterArgs& args, const FilterContext&) {
  return number_value(std::max(to_number(&input), to_number(args.at(0))));
}

Result<Value> at_most(const Value& input, const FilterArgs& args, const FilterContext&) {
  return number_value(std::min(to_number(&input), to_number(args.at(0))));
}

Result<Value> ceil(const Value& input, const FilterArgs&, const FilterContext&) {
  return number_value(std::ceil(to_number(&input)));
}

Result<Value> floor(const Value& input, const FilterArgs&, const FilterContext&) {
  return number_value(std::floor(to_number(&input)));
}

Result<Value> divided_by(const Value& input, const FilterArgs& args, const FilterContext&) {
  double q = to_number(&input) / to_number(args.at(0));
  if (to_number(args.at(1)) != 0) q = std::floor(q);
  return number_value(q);
}

Result<Value> minus(const Value& input, const FilterArgs& args, const FilterContext&) {
  return number_value(to_number(&input) - to_number(args.at(0)));
}

Result<Value> plus(const Value& input, const FilterArgs& args, const FilterContext&) {
  return number_value(to_number(&input) + to_number(args.at(0)));
}

Result<Value> times(const Value& input, const FilterArgs& args, const FilterContext&) {
  return number_value(to_number(&input) * to_number(args.at(0)));
}

Result<Value> modulo(const Value& input, const FilterArgs& args, const FilterContext&) {
  double v = to_number(&input);
  double m = to_number(args.at(0));
  return number_value(std::fmod(std::fmod(v, m) + m, m));
}

Result<Value> round(const Value& input, const FilterArgs& args, const FilterContext&) {
  double v = to_number(&input);
  double digits = to_number(args.at(0));
  double scaled = shift_decimal(std::fabs(v), digits);
  if (!(scaled <= 9007199254740991.0)) return number_value(v);
  double rounded = shift_decimal(js_round(scaled), -digits);
  return number_value(v < 0 ? -rounded : rounded);
}

}  // namespace hypergen::liquid::filters
