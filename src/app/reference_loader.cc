#include "app/reference_loader.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>

#include "app/csv_table.h"
#include "domain/civil_time.h"

namespace motcua::app {
namespace {

// One row being read: typed accessors that record an error naming file, line and column on bad input.
class RowReader {
 public:
  RowReader(const CsvTable& table, const CsvRow& row, std::string_view file, ReferenceLoad& load)
      : table_(table), row_(row), file_(file), load_(load) {}

  int line() const { return row_.line; }
  bool failed() const { return failed_; }

  std::string Text(std::string_view column) const {
    auto index = table_.ColumnIndex(column);
    return index && *index < row_.fields.size() ? row_.fields[*index] : std::string();
  }

  std::string Required(std::string_view column) {
    std::string value = Text(column);
    if (value.empty()) Problem(column, "không được để trống", "must not be empty");
    return value;
  }

  // Exactly `width` decimal digits (codes keep their leading zeros).
  std::string Digits(std::string_view column, std::size_t width) {
    std::string value = Text(column);
    if (value.size() != width || !std::ranges::all_of(value, [](char c) { return c >= '0' && c <= '9'; })) {
      Problem(column, "phải gồm đúng " + std::to_string(width) + " chữ số, có '" + value + "'",
              "must be exactly " + std::to_string(width) + " digits, got '" + value + "'");
    }
    return value;
  }

  std::string OneOf(std::string_view column, std::initializer_list<std::string_view> allowed) {
    std::string value = Text(column);
    if (std::ranges::find(allowed, value) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Problem(column, "giá trị '" + value + "' không thuộc {" + list + "}",
              "value '" + value + "' is not one of {" + list + "}");
    }
    return value;
  }

  std::optional<long long> Integer(std::string_view column, bool required) {
    std::string value = Text(column);
    if (value.empty() && !required) return std::nullopt;
    long long number = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || end != value.data() + value.size() || number < 0) {
      Problem(column, "phải là số nguyên không âm, có '" + value + "'",
              "must be a non-negative integer, got '" + value + "'");
      return std::nullopt;
    }
    return number;
  }

  bool Flag(std::string_view column) { return OneOf(column, {"0", "1"}) == "1"; }

  void Problem(std::string_view column, std::string vi, std::string en) {
    failed_ = true;
    load_.errors.push_back(Error::InvalidArgument(Where(column), std::move(vi), std::move(en)));
  }
  void Warning(std::string_view column, std::string vi, std::string en) {
    load_.warnings.push_back(Error::InvalidArgument(Where(column), std::move(vi), std::move(en)));
  }

 private:
  std::string Where(std::string_view column) const {
    return std::string(file_) + ":" + std::to_string(row_.line) + ":" + std::string(column);
  }

  const CsvTable& table_;
  const CsvRow& row_;
  std::string_view file_;
  ReferenceLoad& load_;
  bool failed_ = false;
};

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    std::size_t bar = text.find('|', start);
    if (bar == std::string::npos) bar = text.size();
    if (bar > start) parts.push_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  return parts;
}

// Reads `file`, checks its header has `columns`, and calls `read_row` for each record.
void ForEachRow(const ReferenceFiles& files, const char* file, std::initializer_list<std::string_view> columns,
                ReferenceLoad& load, const std::function<void(RowReader&)>& read_row) {
  auto content = files.Read(file);
  if (!content) {
    load.errors.push_back(content.error());
    return;
  }
  auto table = CsvTable::Parse(*content, file);
  if (!table) {
    load.errors.push_back(table.error());
    return;
  }
  for (auto column : columns) {
    if (!table->ColumnIndex(column)) {
      load.errors.push_back(Error::InvalidArgument(std::string(file) + ":1:" + std::string(column),
                                                   "thiếu cột trong dòng tiêu đề", "the header lacks this column"));
    }
  }
  for (const CsvRow& row : table->rows()) {
    RowReader reader(*table, row, file, load);
    if (row.fields.size() != table->header().size()) {
      reader.Problem(
          "*",
          "dòng có " + std::to_string(row.fields.size()) + " cột, tiêu đề có " + std::to_string(table->header().size()),
          "the row has " + std::to_string(row.fields.size()) + " columns, the header " +
              std::to_string(table->header().size()));
      continue;
    }
    read_row(reader);
  }
}

// Records a duplicate-key error unless `key` is new.
bool Unique(std::unordered_set<std::string>& seen, const std::string& key, RowReader& row, std::string_view column) {
  if (seen.insert(key).second) return true;
  row.Problem(column, "trùng khóa '" + key + "' với một dòng trước", "duplicate key '" + key + "' of an earlier row");
  return false;
}

void LoadProvinces(const ReferenceFiles& files, ReferenceLoad& load) {
  std::unordered_set<std::string> seen;
  ForEachRow(files, kProvincesFile, {"code", "name", "division_type", "codename", "phone_code"}, load,
             [&](RowReader& row) {
               Province p{row.Digits("code", 2), row.Required("name"),
                          row.OneOf("division_type", {"tỉnh", "thành phố trung ương"}), row.Required("codename"),
                          row.Text("phone_code")};
               if (!row.failed() && Unique(seen, p.code, row, "code")) load.catalogue.provinces.push_back(std::move(p));
             });
}

void LoadCommunes(const ReferenceFiles& files, ReferenceLoad& load) {
  std::unordered_set<std::string> provinces, seen;
  for (const auto& p : load.catalogue.provinces) provinces.insert(p.code);
  ForEachRow(
      files, kCommunesFile, {"code", "name", "division_type", "codename", "province_code"}, load, [&](RowReader& row) {
        Commune c{row.Digits("code", 5), row.Required("name"), row.OneOf("division_type", {"xã", "phường", "đặc khu"}),
                  row.Required("codename"), row.Digits("province_code", 2)};
        if (!row.failed() && !provinces.contains(c.province_code)) {
          row.Problem("province_code", "không có tỉnh mã '" + c.province_code + "'",
                      "no province has code '" + c.province_code + "'");
        }
        if (!row.failed() && Unique(seen, c.code, row, "code")) load.catalogue.communes.push_back(std::move(c));
      });
}

void LoadLegacyCommunes(const ReferenceFiles& files, ReferenceLoad& load) {
  std::unordered_set<std::string> seen;
  ForEachRow(files, kLegacyCommunesFile,
             {"province_code", "province_name", "district_code", "district_name", "commune_code", "commune_name",
              "division_type"},
             load, [&](RowReader& row) {
               LegacyCommune c{row.Digits("province_code", 2),
                               row.Required("province_name"),
                               row.Digits("district_code", 3),
                               row.Required("district_name"),
                               row.Digits("commune_code", 5),
                               row.Required("commune_name"),
                               row.OneOf("division_type", {"Xã", "Phường", "Thị trấn"})};
               if (!row.failed() && Unique(seen, c.commune_code, row, "commune_code")) {
                 load.catalogue.legacy_communes.push_back(std::move(c));
               }
             });
}

void LoadLegacyLinks(const ReferenceFiles& files, ReferenceLoad& load) {
  std::unordered_map<std::string, std::string> province_of_commune;
  for (const auto& c : load.catalogue.communes) province_of_commune[c.code] = c.province_code;
  std::unordered_set<std::string> seen;
  ForEachRow(
      files, kLegacyMappingFile,
      {"province_code", "commune_code", "commune_name", "old_commune_code", "old_commune_name", "merge", "note",
       "old_district_code", "old_district_name", "old_province_code", "old_province_name"},
      load, [&](RowReader& row) {
        LegacyLink link;
        link.province_code = row.Digits("province_code", 2);
        link.commune_code = row.Digits("commune_code", 5);
        link.commune_name = row.Required("commune_name");
        link.old_commune_code = row.Digits("old_commune_code", 5);
        link.old_commune_name = row.Text("old_commune_name");  // empty for districts turned special zones
        link.merge = row.OneOf("merge", {"whole", "partial"}) == "partial" ? MergeKind::kPartial : MergeKind::kWhole;
        link.note = row.Text("note");
        link.old_district_code = row.Text("old_district_code");
        link.old_district_name = row.Text("old_district_name");
        link.old_province_code = row.Digits("old_province_code", 2);
        link.old_province_name = row.Required("old_province_name");
        if (row.failed()) return;
        auto province = province_of_commune.find(link.commune_code);
        if (province == province_of_commune.end() || province->second != link.province_code) {
          row.Problem("commune_code", "không có xã mã '" + link.commune_code + "' thuộc tỉnh " + link.province_code,
                      "no commune '" + link.commune_code + "' in province " + link.province_code);
          return;
        }
        const std::string key = link.old_commune_code + "→" + link.commune_code + ":" + link.old_commune_name;
        if (Unique(seen, key, row, "old_commune_code")) load.catalogue.legacy_links.push_back(std::move(link));
      });
}

void LoadProcedures(const ReferenceFiles& files, ReferenceLoad& load) {
  std::unordered_set<std::string> seen;
  ForEachRow(files, kProceduresFile,
             {"code", "name", "ministry", "field", "levels", "procedure_type", "decision", "implementing_agency",
              "competent_agency", "channels", "target_groups", "source_url"},
             load, [&](RowReader& row) {
               Procedure p;
               p.code = row.Required("code");
               const auto dot = p.code.find('.');
               if (dot == std::string::npos || dot == 0 || p.code.size() - dot - 1 != 6 ||
                   !std::ranges::all_of(p.code, [](char c) { return c == '.' || (c >= '0' && c <= '9'); })) {
                 row.Problem("code", "mã thủ tục '" + p.code + "' không có dạng N.NNNNNN",
                             "procedure code '" + p.code + "' is not of the form N.NNNNNN");
               }
               p.name = row.Required("name");
               p.ministry = row.Text("ministry");
               p.field = row.Text("field");
               p.levels = SplitList(row.Text("levels"));
               for (const auto& level : p.levels) {
                 if (level != "ministry" && level != "province" && level != "commune" && level != "other") {
                   row.Problem("levels", "cấp '" + level + "' không hợp lệ", "unknown level '" + level + "'");
                 }
               }
               for (const auto& name : SplitList(row.Text("channels"))) {
                 auto channel = ParseChannel(name);
                 if (!channel)
                   row.Problem("channels", "kênh '" + name + "' không hợp lệ", "unknown channel '" + name + "'");
                 else
                   p.channels.push_back(*channel);
               }
               p.procedure_type = row.Text("procedure_type");
               p.decision = row.Text("decision");
               p.implementing_agency = row.Text("implementing_agency");
               p.competent_agency = row.Text("competent_agency");
               p.target_groups = SplitList(row.Text("target_groups"));
               p.source_url = row.Text("source_url");
               if (!row.failed() && Unique(seen, p.code, row, "code"))
                 load.catalogue.procedures.push_back(std::move(p));
             });
}

std::unordered_map<std::string, Procedure*> IndexProcedures(ReferenceLoad& load) {
  std::unordered_map<std::string, Procedure*> index;
  for (auto& p : load.catalogue.procedures) index[p.code] = &p;
  return index;
}

Procedure* OwningProcedure(std::unordered_map<std::string, Procedure*>& index, RowReader& row) {
  const std::string code = row.Text("code");
  auto found = index.find(code);
  if (found != index.end()) return found->second;
  row.Problem("code", "không có thủ tục mã '" + code + "' trong procedures.csv",
              "no procedure '" + code + "' in procedures.csv");
  return nullptr;
}

// The processing time: a number in a known unit, or kept verbatim with a warning when the unit is missing.
void ReadProcessingTime(RowReader& row, ProcedureChannel& channel) {
  channel.time_text = row.Text("time_value");
  const std::string unit_text = row.OneOf("time_unit", {"working_day", "day", "hour", "month", "unknown", ""});
  const auto unit = ParseTimeUnit(unit_text);
  if (!unit) {
    if (!channel.time_text.empty()) {
      row.Warning("time_unit", "thời hạn '" + channel.time_text + "' không có đơn vị: coi như chưa rõ",
                  "processing time '" + channel.time_text + "' has no unit: treated as unknown");
    }
    return;
  }
  double value = 0;
  auto [end, ec] =
      std::from_chars(channel.time_text.data(), channel.time_text.data() + channel.time_text.size(), value);
  if (ec != std::errc() || end != channel.time_text.data() + channel.time_text.size() || value <= 0) {
    row.Problem("time_value", "thời hạn '" + channel.time_text + "' phải là số dương",
                "processing time '" + channel.time_text + "' must be a positive number");
    return;
  }
  channel.time_value = value;
  channel.time_unit = unit;
}

void LoadChannels(const ReferenceFiles& files, ReferenceLoad& load) {
  auto procedures = IndexProcedures(load);
  ForEachRow(files, kProcedureChannelsFile,
             {"code", "channel", "time_value", "time_unit", "fee_free", "fee_first_amount_vnd", "fee_text"}, load,
             [&](RowReader& row) {
               Procedure* owner = OwningProcedure(procedures, row);
               ProcedureChannel channel;
               const std::string name = row.OneOf("channel", {"direct", "online", "postal"});
               channel.channel = ParseChannel(name).value_or(Channel::kDirect);
               ReadProcessingTime(row, channel);
               channel.fee_free = row.Flag("fee_free");
               if (auto amount = row.Integer("fee_first_amount_vnd", false)) channel.first_fee = Money::Dong(*amount);
               channel.fee_text = row.Text("fee_text");
               if (owner && !row.failed()) owner->channel_details.push_back(std::move(channel));
             });
}

void LoadDocuments(const ReferenceFiles& files, ReferenceLoad& load) {
  auto procedures = IndexProcedures(load);
  std::unordered_set<std::string> seen;
  ForEachRow(
      files, kProcedureDocumentsFile, {"code", "seq", "case_group", "document", "originals", "copies"}, load,
      [&](RowReader& row) {
        Procedure* owner = OwningProcedure(procedures, row);
        DossierComponent component;
        component.seq = static_cast<int>(row.Integer("seq", true).value_or(0));
        component.case_group = row.Text("case_group");
        // The portal lost some items' wording; keep the row (its counts still tell the counter that
        // something is required) and ask for the text to be filled in.
        component.document = row.Text("document");
        if (component.document.empty()) {
          row.Warning("document", "tên giấy tờ trống trong nguồn: quản trị viên cần bổ sung",
                      "the source has no wording for this item: an administrator must add it");
        }
        component.originals = static_cast<int>(row.Integer("originals", true).value_or(0));
        component.copies = static_cast<int>(row.Integer("copies", true).value_or(0));
        if (owner && !row.failed() && Unique(seen, owner->code + "#" + std::to_string(component.seq), row, "seq")) {
          owner->components.push_back(std::move(component));
        }
      });
}

constexpr std::string_view kWeekdayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

void LoadCalendar(const ReferenceFiles& files, ReferenceLoad& load) {
  std::unordered_set<std::string> seen;
  ForEachRow(
      files, kCalendarFile,
      {"date", "weekday", "year", "kind", "name_vi", "is_day_off", "confidence", "note", "source_keys"}, load,
      [&](RowReader& row) {
        const std::string date_text = row.Text("date");
        auto date = ParseIsoDate(date_text, "date");
        if (!date) {
          row.Problem("date", date.error().message_vi, date.error().message_en);
          return;
        }
        const std::chrono::weekday weekday{*date};
        if (row.Text("weekday") != kWeekdayNames[weekday.c_encoding()]) {
          row.Problem("weekday", date_text + " là " + std::string(kWeekdayNames[weekday.c_encoding()]),
                      date_text + " is a " + std::string(kWeekdayNames[weekday.c_encoding()]));
        }
        if (row.Text("year") != date_text.substr(0, 4)) {
          row.Problem("year", "năm không khớp với ngày " + date_text, "the year does not match " + date_text);
        }
        CalendarEntry entry;
        entry.date = *date;
        const std::string kind_text = row.Required("kind");
        auto kind = ParseDayKind(kind_text);
        if (!kind)
          row.Problem("kind", "loại ngày '" + kind_text + "' không hợp lệ", "unknown kind '" + kind_text + "'");
        entry.kind = kind.value_or(DayKind::kPublicHoliday);
        entry.name_vi = row.Required("name_vi");
        const std::string off = row.Text("is_day_off");
        if (off.empty() && entry.kind != DayKind::kProposedHoliday) {
          row.Problem("is_day_off", "chỉ ngày đề xuất mới được để trống", "only a proposed holiday may leave it empty");
        } else if (!off.empty()) {
          entry.is_day_off = row.Flag("is_day_off");
        }
        if (entry.kind == DayKind::kMakeupWorkingDay && entry.is_day_off.value_or(false)) {
          row.Problem("is_day_off", "ngày làm bù phải là ngày làm việc (0)", "a make-up working day must have 0");
        }
        entry.confidence = row.Text("confidence");
        entry.note = row.Text("note");
        if (!row.failed() && Unique(seen, date_text, row, "date")) load.catalogue.calendar.push_back(std::move(entry));
      });
}

}  // namespace

ReferenceLoad LoadReferenceCatalogue(const ReferenceFiles& files) {
  ReferenceLoad load;
  LoadProvinces(files, load);
  LoadCommunes(files, load);
  LoadLegacyCommunes(files, load);
  LoadLegacyLinks(files, load);
  LoadProcedures(files, load);
  LoadChannels(files, load);
  LoadDocuments(files, load);
  LoadCalendar(files, load);
  return load;
}

}  // namespace motcua::app
