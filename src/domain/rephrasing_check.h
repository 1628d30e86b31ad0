#pragma once
// Whether a rewording of an answer adds no fact to it (issue 14: a province's own language model "may only
// rephrase the retrieved answer and never adds facts"). The answer (procedure_answer.h) is extracted from the
// catalogue and cites its fields; a rewording is shown beside it only when this check finds nothing in it that
// the answer does not say. The check is deliberately strict: a faithful rewording it refuses costs only the
// rewording (the extracted answer is still shown), a fact it lets through would mislead a citizen.
//
// What the answer says: its text_vi, the lines of its sections, its notes, its code, name and source_url.
// What a rewording must not bring in:
//  - a number not in the answer. Numbers are compared in a normalized form: thousands groups are dropped
//    ("50.000", "50,000" and "50000" are one number), so are leading zeros of a whole number or of a date's
//    day and month ("05/7/2025" = "5/7/2025"); a decimal keeps its point ("1,5" = "1.5", never "15"), a date or a
//    range its separators. "50 nghìn", "1,5 triệu", "2 tỷ" are multiplied out ("50 nghìn" = "50.000").
//  - a procedure code not in the answer: a dotted number whose second group has 5 or 6 digits ("1.001193"),
//    compared as written, not as digits ("10.01193" is another code);
//  - an amount of money not in the answer: a number followed by đồng, đ, VND, VNĐ or ₫ (after an optional
//    nghìn/ngàn/triệu/tỷ; a bare ASCII "d" is no currency, "019d2bf7-675d-…" being a page's id) must be an amount
//    of the answer: one followed by a currency there too, or any number in the lines of its fee section (the
//    catalogue's fee texts do not always name the currency). An amount the catalogue mistyped ("15.000.0000
//    đồng") may be repeated as written;
//  - a URL or e-mail address not in the answer: "http(s)://…", "www.…", or a bare host ending in .vn, .com,
//    .net, .org, .gov, .edu, .info or .io ("dichvucong.gov.vn" names the answer's
//    "https://dichvucong.gov.vn/p/1", a shorter form of it);
//  - a small count spelled out before a unit ("ba ngày", "hai bản"): one number word must be a number of the
//    answer, a compound ("mười lăm ngày") must be written so in the answer. Other numbers in words are not
//    recognized: the adapters ask the model to keep numbers in digits.
// And a rewording must be non-empty (not only spaces), at most 2 × text_vi's bytes + 400, and name the
// procedure: its code, or the first 12 words of its name (tone marks, case and punctuation ignored, a leading
// "Thủ tục" optional; some names run to hundreds of bytes).
//
//   answer.text_vi == "Thủ tục đăng ký khai sinh (1.001193) — Thời hạn giải quyết: Trực tiếp: 5 ngày làm việc"
//   AddsNoFacts("Đăng ký khai sinh (1.001193) được giải quyết trong 5 ngày làm việc.", answer) == true
//   AddsNoFacts("Đăng ký khai sinh (1.001193) được giải quyết trong 3 ngày.", answer) == false  (kNewNumber)
//
// Pure functions of their inputs; safe from any thread.
#include <cstddef>
#include <string_view>

#include "domain/procedure_answer.h"

namespace motcua {

inline constexpr std::size_t kRephrasingSlackBytes = 400;  // allowed beyond 2 × text_vi: a greeting, a name spelled out

// The first reason a rewording is refused, in the order checked.
enum class RephrasingFault {
  kNone,               // adds nothing: it may be shown
  kEmpty,              // nothing but white space
  kTooLong,            // over 2 × text_vi's bytes + kRephrasingSlackBytes
  kNewNumber,          // a number the answer does not have
  kNewCode,            // a procedure code the answer does not have
  kNewAmount,          // an amount of money the answer does not have
  kNewUrl,             // a URL or e-mail address the answer does not have
  kNewSpelledNumber,   // a count in words the answer does not have ("ba ngày")
  kProcedureNotNamed,  // neither the code nor the name of the procedure
};

RephrasingFault CheckRephrasing(std::string_view rephrased, const ProcedureAnswer& answer);

// CheckRephrasing(rephrased, answer) == RephrasingFault::kNone.
bool AddsNoFacts(std::string_view rephrased, const ProcedureAnswer& answer);

// "none", "empty", "too_long", "new_number", "new_code", "new_amount", "new_url", "new_spelled_number",
// "procedure_not_named": for logs, which must not quote the rewording (it may repeat the asker's words).
std::string_view RephrasingFaultName(RephrasingFault fault);

}  // namespace motcua
