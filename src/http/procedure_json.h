#pragma once
// The JSON of procedures, search results and assistant replies, as the public API and the OpenAPI document
// describe them. Pure functions.
#include <vector>

#include <nlohmann/json.hpp>

#include "app/procedure_assistant.h"
#include "app/procedure_catalogue.h"
#include "app/procedure_finder.h"
#include "domain/procedure.h"
#include "domain/procedure_answer.h"

namespace motcua::http {

// [{code, name, field, levels, score, abolished_level}]
nlohmann::json HitsJson(const std::vector<app::ProcedureHit>& hits);

// {items, confident, confidence, intent, understood, ignored_words} and, when the search abstained,
// {suggestions, message, message_en} (items then empty).
nlohmann::json SearchMatchesJson(const app::ProcedureMatches& matches);

// A procedure with its channels (fee text, the amounts it names, whether its free flag contradicts them) and
// components (kind "document" or "note").
nlohmann::json ProcedureJson(const Procedure& procedure);

nlohmann::json AnswerJson(const ProcedureAnswer& answer);

// {question, answered, confidence, intent, intent_label(_en), intent_stated, answer, rephrased, message(_en),
//  hits, suggestions, understood, ignored_words}.
nlohmann::json AssistantReplyJson(const app::AssistantReply& reply);

// {"items": [{"code", "name", "channel", "fee_text", "fee_amounts_vnd"}]}
nlohmann::json FeeContradictionsJson(const std::vector<app::FeeContradiction>& contradictions);

}  // namespace motcua::http
