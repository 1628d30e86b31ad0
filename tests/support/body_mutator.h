#pragma once
// Bad request bodies made from a valid one, for tests that prove a server refuses them and writes nothing.
// Every mutant is invalid by construction whatever the endpoint: a required field dropped, a value of the
// wrong type (null included: json_body.h refuses null for an optional field too), a key given twice, a field
// nobody knows, invalid UTF-8 in a string (or a key), a string far over any field's limit, a number that is no
// integer, a truncated document. Mutants come as text, since half of them are not JSON at all.
//
// Systematic() gives each single mutation at every place it applies; Random() stacks two or three of them,
// drawn from the generator the test seeds, so that a failure replays exactly.
//
// Not thread-safe (it holds the generator).
#include <cstddef>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace motcua::test_support {

class BodyMutator {
 public:
  using json = nlohmann::json;

  // `valid` is a body the endpoint accepts; `required` the JSON pointers ("/applicant/name") of the fields
  // whose absence it refuses (only those are dropped: dropping an optional one would make a valid body).
  BodyMutator(json valid, std::vector<std::string> required, std::mt19937& random)
      : valid_(std::move(valid)), required_(std::move(required)), random_(random) {
    Walk(valid_, json::json_pointer());
  }

  std::vector<std::string> Systematic() {
    std::vector<std::string> out;
    for (const std::string& field : required_) out.push_back(Dropped(field).Text());
    for (const Node& node : nodes_) {
      out.push_back(Retyped(node.pointer).Text());
      if (node.is_string) out.push_back(WithBadUtf8(node.pointer).Text());
      if (node.is_string) out.push_back(Oversized(node.pointer).Text());
      if (node.is_integer) out.push_back(NotAnInteger(node.pointer).Text());
    }
    for (const json::json_pointer& object : objects_) {
      out.push_back(WithUnknownField(object).Text());
      for (const auto& [key, value] : valid_.at(object).items()) out.push_back(WithDuplicate(object, key).Text());
    }
    const std::string text = valid_.dump();
    for (int i = 0; i < 4 && text.size() > 1; ++i) out.push_back(text.substr(0, 1 + random_() % (text.size() - 1)));
    return out;
  }

  // `count` mutants of two or three stacked mutations each.
  std::vector<std::string> Random(int count) {
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
      Mutant mutant{valid_, {}};
      const int steps = 2 + static_cast<int>(random_() % 2);
      for (int step = 0; step < steps; ++step) mutant = Apply(std::move(mutant));
      std::string text = mutant.Text();
      if (random_() % 4 == 0 && text.size() > 1) text.resize(1 + random_() % (text.size() - 1));
      out.push_back(std::move(text));
    }
    return out;
  }

 private:
  // A document plus text edits made after serializing it: a marker string in the dump is replaced by bytes
  // that no JSON library would write (invalid UTF-8, a repeated key).
  struct Mutant {
    json doc;
    std::vector<std::pair<std::string, std::string>> edits;
    std::string Text() const {
      std::string text = doc.dump();
      for (const auto& [marker, bytes] : edits) {
        for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + bytes.size())) {
          text.replace(at, marker.size(), bytes);
        }
      }
      return text;
    }
  };
  struct Node {
    json::json_pointer pointer;
    bool is_string;
    bool is_integer;
  };

  void Walk(const json& value, const json::json_pointer& at) {
    if (!at.empty()) nodes_.push_back({at, value.is_string(), value.is_number_integer()});
    if (value.is_object()) {
      objects_.push_back(at);
      for (const auto& [key, child] : value.items()) Walk(child, at / key);
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) Walk(value[i], at / i);
    }
  }

  std::string NewMarker() { return "@@mutant" + std::to_string(markers_++) + "@@"; }

  // One random single mutation of `mutant`, at a place that still exists in it.
  Mutant Apply(Mutant mutant) {
    if (nodes_.empty()) return WithUnknownField(json::json_pointer(), std::move(mutant));
    const Node node = nodes_[random_() % nodes_.size()];
    const bool exists = mutant.doc.contains(node.pointer);
    switch (random_() % 6) {
      case 0:
        if (!required_.empty()) return Dropped(required_[random_() % required_.size()], std::move(mutant));
        break;
      case 1:
        if (exists) return Retyped(node.pointer, std::move(mutant));
        break;
      case 2:
        if (exists && node.is_string && mutant.doc.at(node.pointer).is_string()) {
          return WithBadUtf8(node.pointer, std::move(mutant));
        }
        break;
      case 3:
        if (exists && node.is_string) return Oversized(node.pointer, std::move(mutant));
        break;
    }
    return WithUnknownField(json::json_pointer(), std::move(mutant));
  }

  Mutant Dropped(const std::string& field) { return Dropped(field, {valid_, {}}); }
  Mutant Dropped(const std::string& field, Mutant mutant) {
    const json::json_pointer pointer(field);
    if (mutant.doc.contains(pointer) && mutant.doc.at(pointer.parent_pointer()).is_object()) {
      mutant.doc.at(pointer.parent_pointer()).erase(pointer.back());
    }
    return mutant;
  }

  Mutant Retyped(const json::json_pointer& at) { return Retyped(at, {valid_, {}}); }
  Mutant Retyped(const json::json_pointer& at, Mutant mutant) {
    static const json kOthers[] = {"text", 12, true, nullptr, json::array({1}), json::object({{"a", 1}})};
    json& value = mutant.doc.at(at);
    std::vector<json> candidates;
    for (const json& other : kOthers) {
      const bool same_kind = other.type() == value.type() || (other.is_number() && value.is_number());
      if (!same_kind) candidates.push_back(other);
    }
    value = candidates[random_() % candidates.size()];
    return mutant;
  }

  Mutant WithBadUtf8(const json::json_pointer& at) { return WithBadUtf8(at, {valid_, {}}); }
  Mutant WithBadUtf8(const json::json_pointer& at, Mutant mutant) {
    // A lone continuation byte, an overlong "/", an encoded surrogate, a cut-off sequence, a byte never valid.
    static const char* const kBad[] = {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\xFF", "\xC3\x28"};
    json& value = mutant.doc.at(at);
    const std::string original = value.get<std::string>();
    const std::size_t cut = original.empty() ? 0 : random_() % (original.size() + 1);
    const std::string marker = NewMarker();
    value = marker;
    // The marker replaces the whole string's contents, so a cut inside a multi-byte character is harmless:
    // the result is invalid UTF-8 either way.
    mutant.edits.emplace_back(marker, original.substr(0, cut) + kBad[random_() % 6] + original.substr(cut));
    return mutant;
  }

  Mutant Oversized(const json::json_pointer& at) { return Oversized(at, {valid_, {}}); }
  Mutant Oversized(const json::json_pointer& at, Mutant mutant) {
    // Far above every field limit (the longest is a few kilobytes), far below the 1 MiB body limit.
    mutant.doc.at(at) = std::string(70000, 'a');
    return mutant;
  }

  Mutant NotAnInteger(const json::json_pointer& at) {
    Mutant mutant{valid_, {}};
    static const char* const kNotIntegers[] = {"1.5", "1e2", "9223372036854775808", "-0.0", "1E400"};
    const std::string marker = NewMarker();
    mutant.doc.at(at) = marker;
    // Replaces the quoted marker, so the number is written bare.
    mutant.edits.emplace_back("\"" + marker + "\"", kNotIntegers[random_() % 5]);
    return mutant;
  }

  Mutant WithUnknownField(const json::json_pointer& object) { return WithUnknownField(object, {valid_, {}}); }
  Mutant WithUnknownField(json::json_pointer object, Mutant mutant) {
    if (!mutant.doc.contains(object) || !mutant.doc.at(object).is_object()) object = json::json_pointer();
    if (!mutant.doc.is_object()) return mutant;
    const std::string marker = NewMarker();
    static const char* const kNames[] = {"unknown_field", "Reason", "login ", "__proto__", "\xC3\x28key"};
    mutant.doc.at(object)[marker] = 1;
    mutant.edits.emplace_back(marker, kNames[random_() % 5]);
    return mutant;
  }

  Mutant WithDuplicate(const json::json_pointer& object, const std::string& key) {
    Mutant mutant{valid_, {}};
    const std::string marker = NewMarker();
    // The same value twice is refused too: the reader never guesses which one was meant.
    mutant.doc.at(object)[marker] = mutant.doc.at(object).at(key);
    mutant.edits.emplace_back(marker, key);
    return mutant;
  }

  json valid_;
  std::vector<std::string> required_;
  std::mt19937& random_;
  std::vector<Node> nodes_;                  // every value below the root
  std::vector<json::json_pointer> objects_;  // every object, the root first
  int markers_ = 0;
};

}  // namespace motcua::test_support
