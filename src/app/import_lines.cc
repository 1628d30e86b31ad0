#include "app/import_lines.h"

#include <nlohmann/json.hpp>

#include <istream>
#include <map>

#include "store/dossier_event_codec.h"

namespace motcua::app {
namespace {

std::string DossierCodeOf(const nlohmann::json& json, const std::string& text) {
  if (json.is_discarded()) return DossierCodeInText(text);
  if (json.is_object() && json.contains("dossier_code") && json["dossier_code"].is_string()) {
    return json["dossier_code"].get<std::string>();
  }
  return "";
}

Error Unreadable() {
  return Error::InvalidArgument("json", "dòng không phải JSON hợp lệ (bị cắt ngắn?)",
                                "the line is not valid JSON (truncated?)");
}

Error NamesNoDossier() {
  return Error::InvalidArgument("dossier_code", "dòng không nêu mã hồ sơ đọc được: bỏ qua dòng này",
                                "the line names no readable dossier code: the line is skipped");
}

}  // namespace

std::string DossierCodeInText(std::string_view text) {
  constexpr std::string_view kKey = "\"dossier_code\"";
  std::size_t at = text.find(kKey);
  if (at == std::string_view::npos) return "";
  at = text.find_first_not_of(" \t", at + kKey.size());
  if (at == std::string_view::npos || text[at] != ':') return "";
  at = text.find_first_not_of(" \t", at + 1);
  if (at == std::string_view::npos || text[at] != '"') return "";
  const std::size_t end = text.find_first_of("\"\\", at + 1);
  // An escape or a missing closing quote: the code cannot be read for sure.
  if (end == std::string_view::npos || text[end] != '"') return "";
  return std::string(text.substr(at + 1, end - at - 1));
}

ImportFile ReadImportFile(std::istream& in) {
  ImportFile file;
  std::map<std::string, std::size_t> index;  // dossier code → position in file.dossiers
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    ++line;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    const std::string code = DossierCodeOf(json, text);
    if (code.empty()) {
      file.problems.push_back({line, "", json.is_discarded() ? Unreadable() : NamesNoDossier()});
      continue;
    }
    const auto [at, added] = index.emplace(code, file.dossiers.size());
    if (added) file.dossiers.push_back({code, {}, false});
    ImportedDossier& dossier = file.dossiers[at->second];
    auto event = json.is_discarded() ? Result<DossierEvent>(Fail(Unreadable())) : store::DecodeDossierEvent(json);
    if (!event) {
      dossier.bad = true;
      file.problems.push_back({line, code, event.error()});
      event = DossierEvent{};
    }
    dossier.lines.push_back({line, std::move(text), std::move(*event)});
  }
  return file;
}

}  // namespace motcua::app
