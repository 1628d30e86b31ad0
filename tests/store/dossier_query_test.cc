// Dossier lists (Store::ListDossiers): the scope that decides whose dossiers a user may see at all, the filters
// inside it, both orders, keyset paging and the cursors it refuses. The dossiers are real: made by appending
// events, over the real provinces and communes of the catalogue (Sơn La 14, Hải Phòng 31, Hà Nội 01).
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "app/reference_loader.h"
#include "support/in_memory_reference_files.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

using Codes = std::vector<std::string>;

constexpr const char* kC1 = "001190012345";
constexpr const char* kC2 = "014085000123";
constexpr const char* kC3 = "031200000456";

Instant At(std::string_view text) { return ParseIsoInstant(text, "t").value(); }

// How far a dossier got: each kind is the events that bring it there.
enum class Stage { kSubmitted, kProcessing, kAssigned, kWaitingSupplement, kWithdrawn };

struct DossierSpec {
  std::string code;
  std::string receiving_unit;
  std::string competent_unit;
  std::string agency;
  std::string procedure;
  std::string citizen_id;
  std::string due;  // local time of the appointment; "" for a dossier submitted online and not yet received
  Stage stage = Stage::kProcessing;
  std::string assignee = "";
};

// Written in an order that is neither code order nor appointment order.
const std::vector<DossierSpec>& Specs() {
  static const std::vector<DossierSpec> specs = {
      {"A-05", "10507", "31", "SO-TP", "2.000001", kC2, "2026-01-10T08:00:00+07:00"},
      {"A-01", "04006", "04006", "AG-SK", "1.001193", kC1, "2026-01-15T08:00:00+07:00"},
      {"A-07", "10525", "10525", "AG-HX", "1.001193", kC1, "", Stage::kSubmitted},
      {"A-02", "04006", "03646", "AG-TH", "1.001193", kC2, "2026-01-14T08:00:00+07:00", Stage::kAssigned, "cv01"},
      {"A-03", "03646", "03646", "AG-TH", "2.000001", kC1, "2026-01-20T08:00:00+07:00", Stage::kWaitingSupplement},
      {"B-01", "00004", "00004", "AG-BD", "1.001193", kC1, "2026-01-15T08:00:00+07:00"},
      {"A-04", "10507", "10507", "AG-HD", "1.001193", kC3, "2026-01-14T08:00:00+07:00", Stage::kAssigned, "cv02"},
      {"A-06", "04006", "04006", "AG-SK", "1.001193", kC3, "", Stage::kSubmitted},
      {"A-08", "14", "14", "SO-SL", "2.000001", kC2, "2026-01-16T08:00:00+07:00", Stage::kWithdrawn},
  };
  return specs;
}

const Codes kAllByCode = {"A-01", "A-02", "A-03", "A-04", "A-05", "A-06", "A-07", "A-08", "B-01"};
// Soonest appointment first, ties by code, dossiers without an appointment last.
const Codes kAllByDue = {"A-05", "A-02", "A-04", "A-01", "B-01", "A-08", "A-03", "A-06", "A-07"};

Applicant ApplicantOf(const DossierSpec& spec) { return {"Người nộp " + spec.code, spec.citizen_id, "", "", "", ""}; }

EventPayload FirstEvent(const DossierSpec& spec) {
  if (spec.stage == Stage::kSubmitted) {
    return Submitted{spec.procedure,      Channel::kOnline, ApplicantOf(spec),  {},
                     spec.receiving_unit, spec.agency,      spec.competent_unit};
  }
  Received r;
  r.procedure_code = spec.procedure;
  r.applicant = ApplicantOf(spec);
  r.receiving_unit = spec.receiving_unit;
  r.receiving_point = "TTPVHCC " + spec.receiving_unit;
  r.competent_agency = spec.agency;
  r.competent_unit = spec.competent_unit;
  r.processing_amount = 3;
  r.clock_started_at = At("2026-01-07T08:00:00+07:00");
  r.due_at = At(spec.due);
  return r;
}

std::vector<EventPayload> LaterEvents(const DossierSpec& spec) {
  switch (spec.stage) {
    case Stage::kAssigned:
      return {StepAssigned{"thẩm định", "specialist", spec.agency, spec.assignee}};
    case Stage::kWaitingSupplement:
      return {SupplementRequested{"thiếu giấy tờ", {"Giấy chứng sinh"}}};
    case Stage::kWithdrawn:
      return {Withdrawn{"không cần nữa"}};
    default:
      return {};
  }
}

DossierEvent Event(const std::string& code, EventPayload payload) {
  DossierEvent e;
  e.dossier_code = code;
  e.payload = std::move(payload);
  e.actor = {"tiepnhan01", "receptionist", ""};
  e.occurred_at = e.recorded_at = At("2026-01-07T08:00:00+07:00");
  return e;
}

Codes CodesOf(const DossierPage& page) {
  Codes codes;
  for (const auto& item : page.items) codes.push_back(item.code);
  return codes;
}

class DossierQueryTest : public test_support::StoreBackendTest {
 protected:
  void SetUp() override {
    test_support::StoreBackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store_->SaveReferenceCatalogue(Units()).has_value());
    for (const DossierSpec& spec : Specs()) Create(spec);
  }

  // The real provinces and communes, without the rest of the catalogue (which the lists do not read).
  static const ReferenceCatalogue& Units() {
    static const ReferenceCatalogue units = [] {
      ReferenceCatalogue all = app::LoadReferenceCatalogue(app::BuiltInReferenceFiles()).catalogue;
      return ReferenceCatalogue{all.provinces, all.communes, {}, {}, {}, {}};
    }();
    return units;
  }

  void Create(const DossierSpec& spec) {
    std::vector<DossierEvent> events = {Event(spec.code, FirstEvent(spec))};
    for (EventPayload& later : LaterEvents(spec)) events.push_back(Event(spec.code, std::move(later)));
    auto state = store_->AppendDossierEvents(events, {});
    ASSERT_TRUE(state.has_value()) << spec.code << ": " << state.error().message_en;
  }

  DossierPage List(DossierQuery query) {
    auto page = store_->ListDossiers(query);
    EXPECT_TRUE(page.has_value()) << page.error().field << ": " << page.error().message_en;
    return page.value_or(DossierPage{});
  }

  Codes ListCodes(DossierQuery query) { return CodesOf(List(std::move(query))); }

  // Every dossier of `query`, page after page of `limit`; checks that only the last page lacks a cursor.
  Codes AllPages(DossierQuery query, std::size_t limit) {
    query.limit = limit;
    Codes codes;
    for (int pages = 0; pages < 100; ++pages) {
      DossierPage page = List(query);
      Codes some = CodesOf(page);
      codes.insert(codes.end(), some.begin(), some.end());
      if (!page.next_cursor) return codes;
      EXPECT_EQ(page.items.size(), limit) << "a page before the last is full";
      query.after = page.next_cursor;
    }
    ADD_FAILURE() << "paging does not end";
    return codes;
  }

  Error ListError(DossierQuery query) {
    auto page = store_->ListDossiers(query);
    EXPECT_FALSE(page.has_value());
    return page ? Error{} : page.error();
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, DossierQueryTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

DossierQuery Everything() { return {.scope = {.everything = true}}; }

TEST_P(DossierQueryTest, AnAdministratorSeesEveryDossierInCodeOrder) { EXPECT_EQ(ListCodes(Everything()), kAllByCode); }

TEST_P(DossierQueryTest, ASummaryIsTheDossiersProjectionRow) {
  DossierQuery query = Everything();
  query.assignee = "cv01";
  DossierPage page = List(query);
  ASSERT_EQ(page.items.size(), 1u);
  const DossierSummary& s = page.items[0];
  EXPECT_EQ(s.code, "A-02");
  EXPECT_EQ(s.status, DossierStatus::kProcessing);
  EXPECT_EQ(s.procedure_code, "1.001193");
  EXPECT_EQ(s.channel, Channel::kDirect);
  EXPECT_EQ(s.receiving_unit, "04006");
  EXPECT_EQ(s.receiving_point, "TTPVHCC 04006");
  EXPECT_EQ(s.competent_agency, "AG-TH");
  EXPECT_EQ(s.competent_unit, "03646");
  EXPECT_EQ(s.applicant_name, "Người nộp A-02");
  EXPECT_EQ(s.applicant_citizen_id, kC2);
  EXPECT_EQ(s.current_step, "thẩm định");
  EXPECT_EQ(s.assignee, "cv01");
  EXPECT_EQ(s.received_at, At("2026-01-07T08:00:00+07:00"));
  EXPECT_EQ(s.due_at, At("2026-01-14T08:00:00+07:00"));
  EXPECT_FALSE(s.completed_at.has_value());
  EXPECT_EQ(s.last_seq, 2);
  EXPECT_EQ(s.updated_at, At("2026-01-07T08:00:00+07:00"));
  EXPECT_FALSE(page.next_cursor.has_value());
}

TEST_P(DossierQueryTest, AnOnlineSubmissionHasNoAppointmentYet) {
  DossierQuery query = Everything();
  query.statuses = {DossierStatus::kSubmitted};
  DossierPage page = List(query);
  ASSERT_EQ(CodesOf(page), (Codes{"A-06", "A-07"}));
  EXPECT_EQ(page.items[0].channel, Channel::kOnline);
  EXPECT_TRUE(page.items[0].submitted_at.has_value());
  EXPECT_FALSE(page.items[0].due_at.has_value());
  EXPECT_FALSE(page.items[0].received_at.has_value());
}

TEST_P(DossierQueryTest, AnEmptyScopeReturnsNothing) {
  DossierPage page = List(DossierQuery{});
  EXPECT_TRUE(page.items.empty());
  EXPECT_FALSE(page.next_cursor.has_value());
  // Filters alone open nothing either.
  EXPECT_TRUE(ListCodes({.scope = {}, .unit = "04006", .procedure_code = "1.001193"}).empty());
}

TEST_P(DossierQueryTest, ABlankCitizenIdInTheScopeIsNobody) {
  EXPECT_TRUE(ListCodes({.scope = {.applicant_citizen_id = ""}}).empty());
}

TEST_P(DossierQueryTest, EachKindOfScopeAloneLetsThroughItsDossiers) {
  struct Case {
    const char* name;
    DossierScope scope;
    Codes expected;
  };
  const Case cases[] = {
      // Receiving or competent unit: A-02 was received in Song Khủa for Tô Hiệu (boundaryless).
      {"unit 03646", {.units = {"03646"}}, {"A-02", "A-03"}},
      {"unit 04006", {.units = {"04006"}}, {"A-01", "A-02", "A-06"}},
      {"units 10507 and 14", {.units = {"10507", "14"}}, {"A-04", "A-05", "A-08"}},
      // A province covers itself and its communes, as receiving or as competent unit.
      {"province 14", {.provinces = {"14"}}, {"A-01", "A-02", "A-03", "A-06", "A-08"}},
      {"province 31", {.provinces = {"31"}}, {"A-04", "A-05", "A-07"}},
      {"provinces 01 and 31", {.provinces = {"01", "31"}}, {"A-04", "A-05", "A-07", "B-01"}},
      {"province without dossiers", {.provinces = {"79"}}, {}},
      {"a citizen", {.applicant_citizen_id = kC1}, {"A-01", "A-03", "A-07", "B-01"}},
      // A commune code listed as a province has no communes: it covers only itself.
      {"commune as a province", {.provinces = {"04006"}}, {"A-01", "A-02", "A-06"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ListCodes({.scope = c.scope}), c.expected) << c.name;
  }
}

TEST_P(DossierQueryTest, AScopeIsTheUnionOfItsCriteria) {
  EXPECT_EQ(ListCodes({.scope = {.units = {"00004"}, .applicant_citizen_id = kC3}}), (Codes{"A-04", "A-06", "B-01"}));
  EXPECT_EQ(ListCodes({.scope = {.units = {"10525"}, .provinces = {"01"}}}), (Codes{"A-07", "B-01"}));
}

TEST_P(DossierQueryTest, AFilterCannotWidenTheScope) {
  EXPECT_TRUE(ListCodes({.scope = {.units = {"03646"}}, .unit = "10507"}).empty());
  EXPECT_TRUE(ListCodes({.scope = {.applicant_citizen_id = kC1}, .applicant_citizen_id = kC3}).empty());
  EXPECT_TRUE(ListCodes({.scope = {.provinces = {"14"}}, .receiving_units = {"10507"}}).empty());
  EXPECT_TRUE(ListCodes({.scope = {.provinces = {"14"}}, .competent_units = {"31"}}).empty());
  // ... and narrows it when they overlap.
  EXPECT_EQ(ListCodes({.scope = {.provinces = {"14"}}, .unit = "03646"}), (Codes{"A-02", "A-03"}));
  EXPECT_EQ(ListCodes({.scope = {.applicant_citizen_id = kC1}, .agency = "AG-TH"}), (Codes{"A-03"}));
}

TEST_P(DossierQueryTest, EachFilterAloneKeepsTheDossiersItNames) {
  struct Case {
    const char* name;
    std::function<void(DossierQuery&)> set;
    Codes expected;
  };
  const Case cases[] = {
      {"unit", [](DossierQuery& q) { q.unit = "03646"; }, {"A-02", "A-03"}},
      {"receiving units",
       [](DossierQuery& q) {
         q.receiving_units = {"04006", "10525"};
       },
       {"A-01", "A-02", "A-06", "A-07"}},
      {"competent units",
       [](DossierQuery& q) {
         q.competent_units = {"03646", "31"};
       },
       {"A-02", "A-03", "A-05"}},
      {"agency", [](DossierQuery& q) { q.agency = "AG-TH"; }, {"A-02", "A-03"}},
      {"one status", [](DossierQuery& q) { q.statuses = {DossierStatus::kSubmitted}; }, {"A-06", "A-07"}},
      {"statuses",
       [](DossierQuery& q) {
         q.statuses = {DossierStatus::kWaitingSupplement, DossierStatus::kWithdrawn};
       },
       {"A-03", "A-08"}},
      {"procedure", [](DossierQuery& q) { q.procedure_code = "2.000001"; }, {"A-03", "A-05", "A-08"}},
      // due_from is inclusive, due_to exclusive; dossiers without an appointment match neither.
      {"due from",
       [](DossierQuery& q) { q.due_from = At("2026-01-15T08:00:00+07:00"); },
       {"A-01", "A-03", "A-08", "B-01"}},
      {"due to", [](DossierQuery& q) { q.due_to = At("2026-01-15T08:00:00+07:00"); }, {"A-02", "A-04", "A-05"}},
      {"assignee", [](DossierQuery& q) { q.assignee = "cv01"; }, {"A-02"}},
      {"applicant", [](DossierQuery& q) { q.applicant_citizen_id = kC2; }, {"A-02", "A-05", "A-08"}},
      {"unknown agency", [](DossierQuery& q) { q.agency = "AG-XX"; }, {}},
  };
  for (const Case& c : cases) {
    DossierQuery query = Everything();
    c.set(query);
    EXPECT_EQ(ListCodes(query), c.expected) << c.name;
  }
}

TEST_P(DossierQueryTest, FiltersCombineAndEveryOneMustHold) {
  DossierQuery query = Everything();
  query.procedure_code = "1.001193";
  query.statuses = {DossierStatus::kProcessing};
  query.due_to = At("2026-01-15T00:00:00+07:00");
  EXPECT_EQ(ListCodes(query), (Codes{"A-02", "A-04"}));
  query.assignee = "cv02";
  EXPECT_EQ(ListCodes(query), (Codes{"A-04"}));
  query.unit = "04006";
  EXPECT_TRUE(ListCodes(query).empty());

  DossierQuery window = {.scope = {.provinces = {"14", "01"}}};
  window.due_from = At("2026-01-15T00:00:00+07:00");
  window.due_to = At("2026-01-17T00:00:00+07:00");
  EXPECT_EQ(ListCodes(window), (Codes{"A-01", "A-08", "B-01"}));
  window.receiving_units = {"04006", "00004"};
  window.applicant_citizen_id = kC1;
  EXPECT_EQ(ListCodes(window), (Codes{"A-01", "B-01"}));
}

TEST_P(DossierQueryTest, OrdersByAppointmentWithDossiersWithoutOneLast) {
  DossierQuery query = Everything();
  query.order = DossierOrder::kByDueAt;
  EXPECT_EQ(ListCodes(query), kAllByDue);
}

TEST_P(DossierQueryTest, PagingGivesEveryDossierOnceInOrder) {
  for (std::size_t limit : {1u, 2u, 4u, 8u, 9u, 500u}) {
    DossierQuery by_code = Everything();
    EXPECT_EQ(AllPages(by_code, limit), kAllByCode) << "by code, limit " << limit;
    DossierQuery by_due = Everything();
    by_due.order = DossierOrder::kByDueAt;
    EXPECT_EQ(AllPages(by_due, limit), kAllByDue) << "by due, limit " << limit;
  }
}

TEST_P(DossierQueryTest, PagingKeepsTheScopeAndFilters) {
  DossierQuery query = {.scope = {.provinces = {"14", "31"}}, .order = DossierOrder::kByDueAt};
  query.procedure_code = "1.001193";
  EXPECT_EQ(AllPages(query, 1), (Codes{"A-02", "A-04", "A-01", "A-06", "A-07"}));
  query.order = DossierOrder::kByCode;
  EXPECT_EQ(AllPages(query, 2), (Codes{"A-01", "A-02", "A-04", "A-06", "A-07"}));
}

TEST_P(DossierQueryTest, APageThatEndsTheListHasNoCursor) {
  DossierQuery query = Everything();
  query.limit = kAllByCode.size();
  EXPECT_FALSE(List(query).next_cursor.has_value());
  query.limit = kAllByCode.size() - 1;
  EXPECT_TRUE(List(query).next_cursor.has_value());
}

TEST_P(DossierQueryTest, ADossierWrittenBetweenPagesIsNeitherSkippedNorRepeated) {
  DossierQuery query = Everything();
  query.limit = 3;
  DossierPage first = List(query);
  ASSERT_EQ(CodesOf(first), (Codes{"A-01", "A-02", "A-03"}));
  Create({"A-00", "04006", "04006", "AG-SK", "1.001193", kC1, "2026-01-15T08:00:00+07:00"});
  Create({"A-10", "04006", "04006", "AG-SK", "1.001193", kC1, "2026-01-15T08:00:00+07:00"});
  query.after = first.next_cursor;
  query.limit = 500;
  EXPECT_EQ(ListCodes(query), (Codes{"A-04", "A-05", "A-06", "A-07", "A-08", "A-10", "B-01"}));
}

TEST_P(DossierQueryTest, RefusesALimitOutsideOneTo500) {
  for (std::size_t limit : {0u, 501u, 100000u}) {
    DossierQuery query = Everything();
    query.limit = limit;
    Error error = ListError(query);
    EXPECT_EQ(error.code, ErrorCode::kInvalidArgument) << limit;
    EXPECT_EQ(error.field, "limit") << limit;
  }
  DossierQuery query = Everything();
  query.limit = 500;
  EXPECT_EQ(ListCodes(query), kAllByCode);
}

TEST_P(DossierQueryTest, RefusesCursorsItDidNotMakeForThisOrder) {
  DossierQuery by_code = Everything();
  by_code.limit = 2;
  const std::string code_cursor = List(by_code).next_cursor.value();
  DossierQuery by_due = by_code;
  by_due.order = DossierOrder::kByDueAt;
  const std::string due_cursor = List(by_due).next_cursor.value();

  struct Case {
    DossierOrder order;
    std::string cursor;
  };
  const Case cases[] = {
      {DossierOrder::kByDueAt, code_cursor},
      {DossierOrder::kByCode, due_cursor},
      {DossierOrder::kByCode, ""},
      {DossierOrder::kByCode, "garbage"},
      {DossierOrder::kByCode, "c1:"},
      {DossierOrder::kByCode, "c2:A-02"},
      {DossierOrder::kByDueAt, "d1:none"},
      {DossierOrder::kByDueAt, "d1:none,"},
      {DossierOrder::kByDueAt, "d1:,A-02"},
      {DossierOrder::kByDueAt, "d1:tomorrow,A-02"},
      {DossierOrder::kByDueAt, "d1:2026-13-45T00:00:00Z,A-02"},
      {DossierOrder::kByDueAt, "d1:2026-01-14T08:00:00+07:00,A-02"},  // a time, but not as the store writes it
      {DossierOrder::kByDueAt, "d1:2026-01-14,A-02"},
  };
  for (const Case& c : cases) {
    DossierQuery query = Everything();
    query.order = c.order;
    query.after = c.cursor;
    Error error = ListError(query);
    EXPECT_EQ(error.code, ErrorCode::kInvalidArgument) << c.cursor;
    EXPECT_EQ(error.field, "cursor") << c.cursor;
  }
}

TEST_P(DossierQueryTest, ACursorFromAnEmptyScopeQueryIsStillChecked) {
  DossierQuery query;
  query.after = "garbage";
  EXPECT_EQ(ListError(query).field, "cursor");
}

TEST_P(DossierQueryTest, ValuesAreBoundNotSpliced) {
  EXPECT_TRUE(ListCodes({.scope = {.units = {"x') OR 1=1 --"}}}).empty());
  EXPECT_TRUE(ListCodes({.scope = {.provinces = {"14') OR 1=1 --"}}}).empty());
  DossierQuery query = {.scope = {.units = {"03646"}}};
  query.agency = "' OR '1'='1";
  EXPECT_TRUE(ListCodes(query).empty());
}

}  // namespace
}  // namespace motcua::store
