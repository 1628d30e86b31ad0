#pragma once
// The province's own search synonyms (app/province_synonym_admin.h), for its administrator:
//
//   GET  /api/v1/search/synonyms              → 200 {"items": [synonym...]} every synonym, retired ones too
//   POST /api/v1/search/synonyms              {"phrase": "bìa xanh", "expansion": "giấy chứng nhận quyền sử
//                                             dụng đất"} → 201 the synonym; searches use it at once
//   POST /api/v1/search/synonyms/{id}/retire  {} → 200 the synonym as retired; searches stop using it at once
//
// A synonym: {"id", "phrase", "expansion", "added_by", "added_at", "retired_by", "retired_at", "active"}.
// Thread-safety: handlers run on every server thread, each with its own store; the catalogue is shared.
#include "app/procedure_catalogue.h"
#include "http/router.h"
#include "http/session_api.h"

namespace motcua::http {

struct SearchSynonymsApiContext {
  SessionApiContext sessions;
  app::ProcedureCatalogue& catalogue;
};

void AddSearchSynonymsApi(Router& router, const SearchSynonymsApiContext& context);

}  // namespace motcua::http
