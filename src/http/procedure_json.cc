#include "http/procedure_json.h"

#include <utility>

#include "domain/component_note.h"
#include "domain/procedure_fee.h"
#include "http/json_response.h"

namespace motcua::http {

using nlohmann::json;

json HitsJson(const std::vector<app::ProcedureHit>& hits) {
  json items = json::array();
  for (const app::ProcedureHit& hit : hits) {
    const Procedure& p = hit.procedure;
    items.push_back({{"code", p.code},
                     {"name", p.name},
                     {"field", p.field},
                     {"levels", p.levels},
                     {"score", hit.score},
                     {"abolished_level", hit.abolished_level}});
  }
  return items;
}

// The hits, or, when the search abstains, none and the weak ones as suggestions with a message saying so.
json SearchMatchesJson(const app::ProcedureMatches& matches) {
  json understood = json::array();
  for (const auto& [phrase, expansion] : matches.understood) {
    understood.push_back({{"phrase", phrase}, {"expansion", expansion}});
  }
  json body{{"items", HitsJson(matches.hits)},     {"confident", !matches.abstained},
            {"confidence", matches.confidence},    {"intent", QuestionIntentName(matches.intent)},
            {"understood", std::move(understood)}, {"ignored_words", matches.ignored_words}};
  if (matches.abstained) {
    body["suggestions"] = HitsJson(matches.suggestions);
    body["message"] = app::NoMatchMessageVi(matches);
    body["message_en"] = app::NoMatchMessageEn(matches);
  }
  return body;
}

namespace {

json AmountsJson(const std::vector<Money>& amounts) {
  json list = json::array();
  for (const Money m : amounts) list.push_back(m.dong());
  return list;
}

json ChannelJson(const ProcedureChannel& c) {
  return {{"channel", ChannelName(c.channel)},
          {"time_text", c.time_text},
          {"time_value", OrNull(c.time_value, [](double v) { return v; })},
          {"time_unit", OrNull(c.time_unit, TimeUnitName)},
          {"fee_free", c.fee_free},
          {"first_fee_vnd", OrNull(c.first_fee, [](Money m) { return m.dong(); })},
          {"fee_text", c.fee_text},
          {"fee_amounts_vnd", AmountsJson(AmountsNamedIn(c.fee_text))},
          {"fee_contradiction", FreeFlagContradictsText(c)}};
}

}  // namespace

json ProcedureJson(const Procedure& p) {
  json channels = json::array();
  for (const ProcedureChannel& c : p.channel_details) channels.push_back(ChannelJson(c));
  json components = json::array();
  for (const DossierComponent& c : p.components) {
    components.push_back({{"seq", c.seq},
                          {"case_group", c.case_group},
                          {"document", c.document},
                          {"originals", c.originals},
                          {"copies", c.copies},
                          {"kind", IsNoteRow(c) ? "note" : "document"}});
  }
  return {{"code", p.code},
          {"name", p.name},
          {"ministry", p.ministry},
          {"field", p.field},
          {"levels", p.levels},
          {"procedure_type", p.procedure_type},
          {"decision", p.decision},
          {"implementing_agency", p.implementing_agency},
          {"competent_agency", p.competent_agency},
          {"target_groups", p.target_groups},
          {"source_url", p.source_url},
          {"channels", std::move(channels)},
          {"components", std::move(components)}};
}

json AnswerJson(const ProcedureAnswer& answer) {
  json sections = json::array();
  for (const AnswerSection& s : answer.sections) {
    sections.push_back({{"topic", QuestionIntentName(s.topic)},
                        {"title", s.title_vi},
                        {"title_en", s.title_en},
                        {"lines", s.lines},
                        {"source", s.source},
                        {"missing", s.missing}});
  }
  return {{"code", answer.code},
          {"name", answer.name},
          {"text", answer.text_vi},
          {"text_en", answer.text_en},
          {"sections", std::move(sections)},
          {"notes", answer.notes},
          {"source_url", answer.source_url}};
}

json AssistantReplyJson(const app::AssistantReply& reply) {
  const app::ProcedureMatches& m = reply.matches;
  json understood = json::array();
  for (const auto& [phrase, expansion] : m.understood)
    understood.push_back({{"phrase", phrase}, {"expansion", expansion}});
  // The answered procedure is the first hit; the others are listed as candidates.
  const std::vector<app::ProcedureHit> others(m.hits.empty() ? m.hits.begin() : m.hits.begin() + 1, m.hits.end());
  const bool answered = reply.answer.has_value();
  return {{"question", reply.question},
          {"answered", answered},
          {"confidence", m.confidence},
          {"intent", QuestionIntentName(m.intent)},
          {"intent_label", QuestionIntentLabelVi(m.intent)},
          {"intent_label_en", QuestionIntentLabelEn(m.intent)},
          {"intent_stated", m.intent_stated},
          {"answer", OrNull(reply.answer, AnswerJson)},
          {"rephrased", OrNull(reply.rephrased, [](const std::string& text) { return text; })},
          {"message", answered ? json(nullptr) : json(app::NoMatchMessageVi(m))},
          {"message_en", answered ? json(nullptr) : json(app::NoMatchMessageEn(m))},
          {"hits", HitsJson(others)},
          {"suggestions", HitsJson(m.suggestions)},
          {"understood", std::move(understood)},
          {"ignored_words", m.ignored_words}};
}

json FeeContradictionsJson(const std::vector<app::FeeContradiction>& contradictions) {
  json items = json::array();
  for (const app::FeeContradiction& c : contradictions) {
    items.push_back({{"code", c.code},
                     {"name", c.name},
                     {"channel", ChannelName(c.channel)},
                     {"fee_text", c.fee_text},
                     {"fee_amounts_vnd", AmountsJson(c.amounts)}});
  }
  return {{"items", std::move(items)}};
}

}  // namespace motcua::http
