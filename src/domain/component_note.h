#pragma once
// Which rows of a procedure's published dossier list are notes rather than papers to hand in. The portal's list
// mixes both: birth registration (1.001193) has 33 rows, 19 of them under "* Lưu ý" ("Note") or otherwise
// explanations ("Trường hợp ... thì không phải nộp bản giấy"), which the counter printed on the slip as documents
// received. A note is shown as a note, never checked off as received. Pure function; safe from any thread.
#include "domain/procedure.h"

namespace motcua {

// True when the row is a note: it sits under a "Lưu ý" heading, or it says "Lưu ý", or it asks for no original
// and no copy and reads as an explanation or a heading — it begins with a condition ("Trường hợp", "Đối với",
// "Nếu") or with who does what ("Người tiếp nhận", "Cơ quan"), states the number of sets ("Số lượng hồ sơ"), ends
// with ':' (it introduces a list), or holds no letter at all.
bool IsNoteRow(const DossierComponent& component);

}  // namespace motcua
