#pragma once
// The kinds of printed forms a dossier may have (docs/law/forms.md), with their names in the API and their files'
// names. Which a dossier has now, and the forms themselves: dossier_forms.h. Pure.
#include <optional>
#include <string_view>

namespace motcua::app {

enum class FormKind {
  kReceipt,            // form 01: receipt and appointment slip
  kSupplementRequest,  // form 02
  kRefusal,            // form 03
  kApology,            // form 04
  kStopNotice,         // form 05 of 2025 (none in 2018's set): the stop-processing notice
  kControlSheet,       // form 05 (2018) / 06 (2025)
  kResultCover,        // no number: motcua's cover page of an approved result
};

// In the order the dossier's page lists them: by form number, the cover page last.
inline constexpr FormKind kEveryFormKind[] = {
    FormKind::kReceipt,    FormKind::kSupplementRequest, FormKind::kRefusal,    FormKind::kApology,
    FormKind::kStopNotice, FormKind::kControlSheet,      FormKind::kResultCover};

// "receipt", "supplement-request", "refusal", "apology", "stop-notice", "control-sheet", "result-cover": the path
// segment of the forms route.
std::string_view FormKindName(FormKind kind);
std::optional<FormKind> ParseFormKind(std::string_view name);
// The PDF's file name without the dossier code: "giay-tiep-nhan", "phieu-yeu-cau-bo-sung"…
std::string_view FormFileStem(FormKind kind);

}  // namespace motcua::app
