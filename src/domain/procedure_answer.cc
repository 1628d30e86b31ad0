#include "domain/procedure_answer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "domain/component_note.h"
#include "domain/procedure_fee.h"
#include "domain/text_folding.h"

namespace motcua {
namespace {

constexpr std::size_t kMaxAnswerTextBytes = 600;  // the sentence shown first; the sections hold everything
constexpr std::size_t kMaxLinesInText = 8;

std::string_view ChannelLabelVi(Channel channel) {
  switch (channel) {
    case Channel::kDirect:
      return "trực tiếp";
    case Channel::kOnline:
      return "trực tuyến";
    case Channel::kPostal:
      return "bưu chính";
  }
  return "";
}

std::string_view LevelLabelVi(std::string_view level) {
  if (level == "commune") return "xã";
  if (level == "province") return "tỉnh";
  if (level == "ministry") return "trung ương (bộ, ngành)";
  return "khác";
}

std::string Capitalized(std::string_view text) {
  std::string result(text);
  if (!result.empty() && result[0] >= 'a' && result[0] <= 'z') result[0] = static_cast<char>(result[0] - 'a' + 'A');
  return result;
}

std::string Joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : std::string(separator)) + part;
  return joined;
}

std::string Shortened(std::string text) {
  if (text.size() <= kMaxAnswerTextBytes) return text;
  std::size_t cut = kMaxAnswerTextBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 letter
  return text.substr(0, cut) + "…";
}

std::string Trimmed(std::string_view text) {
  const auto start = text.find_first_not_of(" \t\n");
  if (start == std::string_view::npos) return "";
  return std::string(text.substr(start, text.find_last_not_of(" \t\n") - start + 1));
}

// The channel details the question is about: those of `channel` when it names one the procedure has, else all.
std::vector<const ProcedureChannel*> ChannelsAsked(const Procedure& procedure, std::optional<Channel> channel) {
  std::vector<const ProcedureChannel*> all, named;
  for (const ProcedureChannel& c : procedure.channel_details) {
    all.push_back(&c);
    if (channel && c.channel == *channel) named.push_back(&c);
  }
  return named.empty() ? all : named;
}

// Lines of "channels: wording", channels with the same wording on one line, in the order first met.
std::vector<std::string> LinesByWording(const std::vector<std::pair<Channel, std::string>>& wordings) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> channels_of;
  for (const auto& [channel, wording] : wordings) {
    if (!channels_of.contains(wording)) order.push_back(wording);
    auto& channels = channels_of[wording];
    const std::string label(ChannelLabelVi(channel));
    if (std::ranges::find(channels, label) == channels.end()) channels.push_back(label);
  }
  std::vector<std::string> lines;
  for (const std::string& wording : order)
    lines.push_back(Capitalized(Joined(channels_of[wording], ", ")) + ": " + wording);
  return lines;
}

AnswerSection Section(QuestionIntent topic, std::string source) {
  AnswerSection section;
  section.topic = topic;
  section.title_vi = QuestionIntentLabelVi(topic);
  section.title_en = QuestionIntentLabelEn(topic);
  section.source = std::move(source);
  return section;
}

AnswerSection Missing(QuestionIntent topic, std::string line, std::string source) {
  AnswerSection section = Section(topic, std::move(source));
  section.lines.push_back(std::move(line));
  section.missing = true;
  return section;
}

AnswerSection FeeSection(const Procedure& procedure, std::optional<Channel> channel) {
  std::vector<std::pair<Channel, std::string>> wordings;
  std::vector<std::string> contradictions;
  for (const ProcedureChannel* c : ChannelsAsked(procedure, channel)) {
    std::string text = Trimmed(c->fee_text);
    if (text.empty()) text = c->fee_free ? "Miễn phí" : "";
    if (text.empty()) continue;
    wordings.emplace_back(c->channel, text);
    if (FreeFlagContradictsText(*c)) {
      contradictions.push_back("Lưu ý: danh mục đánh dấu «miễn phí» cho kênh " +
                               std::string(ChannelLabelVi(c->channel)) + " nhưng văn bản nêu mức thu " +
                               AmountsNamedIn(c->fee_text).front().Format() + " — cần đối chiếu quyết định công bố.");
    }
  }
  if (wordings.empty()) {
    return Missing(QuestionIntent::kFee, "Danh mục không ghi phí, lệ phí cho thủ tục này.",
                   "procedure_channels.fee_text");
  }
  AnswerSection section = Section(QuestionIntent::kFee, "procedure_channels.fee_text");
  section.lines = LinesByWording(wordings);
  section.lines.insert(section.lines.end(), contradictions.begin(), contradictions.end());
  return section;
}

std::optional<std::string> CatalogueTime(const ProcedureChannel& c) {
  if (c.time_value && c.time_unit) return DurationVi(*c.time_value, *c.time_unit);
  if (!Trimmed(c.time_text).empty()) return Trimmed(c.time_text) + " (danh mục không ghi đơn vị)";
  return std::nullopt;
}

AnswerSection TimeSection(const Procedure& procedure, const std::optional<ProcedureSettings>& settings,
                          std::optional<Channel> channel) {
  std::vector<std::pair<Channel, std::string>> wordings;
  bool from_settings = false;
  for (const ProcedureChannel* c : ChannelsAsked(procedure, channel)) {
    const std::optional<ChannelTime> set = settings ? SettingTimeFor(*settings, c->channel) : std::nullopt;
    if (set) {
      wordings.emplace_back(c->channel, DurationVi(set->amount, set->unit) + " (thời hạn tỉnh quy định)");
      from_settings = true;
    } else if (auto text = CatalogueTime(*c)) {
      wordings.emplace_back(c->channel, *text);
    }
  }
  const std::string source = from_settings ? "procedure_settings.processing_times, procedure_channels.time_value"
                                           : "procedure_channels.time_value, procedure_channels.time_unit";
  if (wordings.empty()) {
    return Missing(QuestionIntent::kTime, "Danh mục không ghi thời hạn giải quyết cho thủ tục này.", source);
  }
  AnswerSection section = Section(QuestionIntent::kTime, source);
  section.lines = LinesByWording(wordings);
  section.lines.push_back(
      "Thời hạn tính từ khi nhận đủ hồ sơ hợp lệ; ngày nghỉ, lễ, Tết không tính vào ngày làm việc.");
  return section;
}

std::string CountsText(const DossierComponent& c) {
  if (c.originals == 0 && c.copies == 0) return "";
  std::vector<std::string> parts;
  if (c.originals > 0) parts.push_back("bản chính: " + std::to_string(c.originals));
  if (c.copies > 0) parts.push_back("bản sao: " + std::to_string(c.copies));
  return " (" + Joined(parts, ", ") + ")";
}

AnswerSection DocumentsSection(const Procedure& procedure, std::vector<std::string>& notes) {
  AnswerSection section = Section(QuestionIntent::kDocuments, "procedure_documents.document");
  std::string last_group;
  for (const DossierComponent& c : procedure.components) {
    if (IsNoteRow(c)) {
      notes.push_back(Trimmed(c.document));
      continue;
    }
    const std::string group = Trimmed(c.case_group);
    if (!group.empty() && group != last_group) section.lines.push_back("[" + group + "]");
    last_group = group;
    section.lines.push_back(Trimmed(c.document) + CountsText(c));
  }
  if (section.lines.empty()) {
    return Missing(QuestionIntent::kDocuments, "Danh mục không ghi thành phần hồ sơ cho thủ tục này.",
                   "procedure_documents.document");
  }
  return section;
}

std::string ChannelsText(const Procedure& procedure) {
  std::vector<std::string> labels;
  for (const Channel c : procedure.channels) labels.emplace_back(ChannelLabelVi(c));
  return Joined(labels, ", ");
}

std::string LevelsText(const Procedure& procedure) {
  std::vector<std::string> labels;
  for (const std::string& level : procedure.levels) labels.emplace_back(LevelLabelVi(level));
  return Joined(labels, ", ");
}

// Decree 118/2025/ND-CP places the one-stop section of commune-level procedures in the commune's Public
// Administration Service Center, and of provincial ones in the province's (arts. 7–8).
AnswerSection WhereSection(const Procedure& procedure) {
  AnswerSection section =
      Section(QuestionIntent::kWhere,
              "procedures.implementing_agency, procedures.competent_agency, procedures.levels, procedures.channels");
  if (!Trimmed(procedure.implementing_agency).empty()) {
    section.lines.push_back("Cơ quan thực hiện: " + Trimmed(procedure.implementing_agency));
  }
  if (!Trimmed(procedure.competent_agency).empty() && procedure.competent_agency != procedure.implementing_agency) {
    section.lines.push_back("Cơ quan có thẩm quyền: " + Trimmed(procedure.competent_agency));
  }
  if (!procedure.levels.empty()) section.lines.push_back("Cấp thực hiện: " + LevelsText(procedure));
  if (procedure.HasLevel("commune")) {
    section.lines.push_back("Nộp tại Trung tâm Phục vụ hành chính công (bộ phận một cửa) của xã, phường nơi cư trú.");
  } else if (procedure.HasLevel("province")) {
    section.lines.push_back("Nộp tại Trung tâm Phục vụ hành chính công của tỉnh hoặc điểm tiếp nhận được phân công.");
  }
  if (!procedure.channels.empty()) section.lines.push_back("Cách nộp: " + ChannelsText(procedure));
  return section;
}

AnswerSection OnlineSection(const Procedure& procedure) {
  const bool online = std::ranges::find(procedure.channels, Channel::kOnline) != procedure.channels.end();
  AnswerSection section = Section(QuestionIntent::kOnline, "procedures.channels");
  if (online) {
    section.lines.push_back(
        "Có: thủ tục này nhận hồ sơ trực tuyến, qua Cổng Dịch vụ công quốc gia hoặc hệ thống giải "
        "quyết thủ tục hành chính của tỉnh.");
  } else {
    section.lines.push_back(
        "Danh mục không ghi cách nộp trực tuyến cho thủ tục này" +
        (procedure.channels.empty() ? std::string(".") : "; nộp: " + ChannelsText(procedure) + "."));
  }
  section.lines.push_back("Danh mục đã tải không ghi mức độ dịch vụ công trực tuyến (toàn trình hay một phần).");
  return section;
}

AnswerSection StepsSection(const Procedure& procedure, const std::optional<ProcedureSettings>& settings) {
  if (!settings || settings->steps.empty()) {
    return Missing(QuestionIntent::kSteps,
                   "Danh mục quốc gia đã tải không có mục «Trình tự thực hiện» cho thủ tục này; xem trang thủ tục: " +
                       procedure.source_url,
                   "procedures.source_url");
  }
  AnswerSection section = Section(QuestionIntent::kSteps, "procedure_settings.steps");
  for (std::size_t i = 0; i < settings->steps.size(); ++i) {
    const WorkflowStep& step = settings->steps[i];
    section.lines.push_back(std::to_string(i + 1) + ". " + step.name + " (" + std::string(RoleLabelVi(step.role)) +
                            ", " + std::to_string(step.share_percent) + " % thời gian)");
  }
  return section;
}

AnswerSection ConditionsSection(const Procedure& procedure) {
  AnswerSection section =
      Missing(QuestionIntent::kConditions,
              "Danh mục quốc gia đã tải không có mục «Yêu cầu, điều kiện» cho thủ tục này; xem trang thủ tục: " +
                  procedure.source_url,
              "procedures.target_groups, procedures.source_url");
  if (!procedure.target_groups.empty()) {
    section.lines.push_back("Đối tượng thực hiện: " + Joined(procedure.target_groups, "; "));
  }
  return section;
}

AnswerSection OverviewSection(const Procedure& procedure) {
  AnswerSection section = Section(QuestionIntent::kOverview, "procedures");
  section.lines.push_back("Tên thủ tục: " + procedure.name + " (mã " + procedure.code + ")");
  if (!procedure.field.empty()) section.lines.push_back("Lĩnh vực: " + procedure.field);
  if (!procedure.levels.empty()) section.lines.push_back("Cấp thực hiện: " + LevelsText(procedure));
  if (!procedure.channels.empty()) section.lines.push_back("Cách nộp: " + ChannelsText(procedure));
  if (!procedure.ministry.empty()) section.lines.push_back("Cơ quan ban hành danh mục: " + procedure.ministry);
  if (!procedure.decision.empty()) section.lines.push_back("Quyết định công bố: " + procedure.decision);
  return section;
}

AnswerSection SectionFor(QuestionIntent topic, const Procedure& procedure,
                         const std::optional<ProcedureSettings>& settings, std::optional<Channel> channel,
                         std::vector<std::string>& notes) {
  switch (topic) {
    case QuestionIntent::kFee:
      return FeeSection(procedure, channel);
    case QuestionIntent::kTime:
      return TimeSection(procedure, settings, channel);
    case QuestionIntent::kDocuments:
      return DocumentsSection(procedure, notes);
    case QuestionIntent::kWhere:
      return WhereSection(procedure);
    case QuestionIntent::kOnline:
      return OnlineSection(procedure);
    case QuestionIntent::kSteps:
      return StepsSection(procedure, settings);
    case QuestionIntent::kConditions:
      return ConditionsSection(procedure);
    case QuestionIntent::kOverview:
      return OverviewSection(procedure);
  }
  return OverviewSection(procedure);
}

// The sentence shown first: the procedure, the section's title, and its first lines.
void WriteText(ProcedureAnswer& answer) {
  const AnswerSection& asked = answer.sections.front();
  std::vector<std::string> lines = asked.lines;
  if (asked.topic == QuestionIntent::kOverview && !lines.empty()) lines.erase(lines.begin());  // the name, said first
  if (lines.size() > kMaxLinesInText) {
    lines.resize(kMaxLinesInText);
    lines.push_back("… (xem đầy đủ bên dưới)");
  }
  const std::string who = answer.name + " (" + answer.code + ") — ";
  const std::string said = Joined(lines, "; ");
  answer.text_vi = Shortened(who + asked.title_vi + ": " + said);
  answer.text_en = Shortened(who + std::string(asked.title_en) + ", in the catalogue's words: " + said);
}

}  // namespace

ProcedureAnswer AnswerQuestion(const Procedure& procedure, QuestionIntent intent,
                               const std::optional<ProcedureSettings>& settings, std::optional<Channel> channel) {
  ProcedureAnswer answer;
  answer.code = procedure.code;
  answer.name = procedure.name;
  answer.intent = intent;
  answer.source_url = procedure.source_url;
  std::vector<std::string> notes;
  answer.sections.push_back(SectionFor(intent, procedure, settings, channel, notes));
  // Then what a person at the counter is told about any procedure: what it is, how long, how much, where.
  for (const QuestionIntent topic :
       {QuestionIntent::kOverview, QuestionIntent::kTime, QuestionIntent::kFee, QuestionIntent::kWhere}) {
    if (topic != intent) answer.sections.push_back(SectionFor(topic, procedure, settings, channel, notes));
  }
  if (intent == QuestionIntent::kDocuments) answer.notes = std::move(notes);
  WriteText(answer);
  return answer;
}

std::optional<Channel> ChannelNamedIn(std::string_view question) {
  const std::string folded = " " + Joined(FoldedTokens(question), " ") + " ";
  const auto has = [&](std::string_view words) {
    return folded.find(" " + std::string(words) + " ") != std::string::npos;
  };
  if (has("truc tuyen") || has("online") || has("qua mang") || has("tren mang") || has("dich vu cong")) {
    return Channel::kOnline;
  }
  if (has("buu dien") || has("buu chinh")) return Channel::kPostal;
  if (has("truc tiep")) return Channel::kDirect;
  return std::nullopt;
}

}  // namespace motcua
