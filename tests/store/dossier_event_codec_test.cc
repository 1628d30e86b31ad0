// The JSON form of dossier events (docs/events-jsonl.md): every payload type survives a round trip, and a
// malformed event is refused with the path of the field at fault.
#include "store/dossier_event_codec.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "store/event_hash.h"

namespace motcua::store {
namespace {

using nlohmann::json;

Instant At(std::string_view text) { return ParseIsoInstant(text, "t").value(); }

const std::vector<SubmittedComponent> kComponents = {{1, "Tờ khai", 1, 0}, {0, "Bản sao CCCD", 0, 2}};
const Applicant kApplicant = {"Trần Văn Bình", "001090012345", "0987654321", "binh@example.vn", "Hà Nội", "Công ty A"};

// One payload of every type, with no field left at its default, so that a field the codec forgets shows.
std::vector<EventPayload> EveryPayload() {
  return {
      Submitted{"1.001193", Channel::kPostal, kApplicant, kComponents, "04006", "UBND xã Đông Khê", "04010"},
      Received{"1.001193", Channel::kOnline, kApplicant, kComponents, "04006", "Điểm 2", "Sở Tư pháp", "04", 2.5,
               TimeUnit::kWorkingHour, At("2026-01-12T08:00:00+07:00"), At("2026-01-12T10:30:00+07:00")},
      ReceptionRefused{"không thuộc thẩm quyền"},
      StepAssigned{"thẩm định", "specialist", "Phòng Văn hóa", "chuyenvien01"},
      StepCompleted{"thẩm định", "đạt"},
      Transferred{"Sở Tài nguyên và Môi trường", "04", "liên thông đất đai"},
      SupplementRequested{"thiếu giấy tờ", {"Giấy chứng sinh", "Bản sao sổ hộ khẩu"}},
      Supplemented{kComponents, At("2026-01-20T17:00:00+07:00")},
      Extended{"chờ xác minh", At("2026-01-25T17:00:00+07:00")},
      Refused{"không bổ sung hồ sơ trong thời hạn", RefusalKind::kNotSupplemented},
      Withdrawn{"người nộp rút"},
      Cancelled{"trùng hồ sơ"},
      ResultApproved{"Quyết định 12/QĐ-UBND", "Chủ tịch"},
      ResultReturned{ReturnMethod::kPost, "gửi bưu điện"},
      FeeAssessed{Money::Dong(1'500'000), "Lệ phí trước bạ"},
      FeePaid{Money::Dong(1'500'000), PaymentMethod::kOnline, "VNPAY-20260112-1"},
      Digitized{-1, "files/ab/cd.pdf"},
      Evaluated{4, "Tốt"},
  };
}

DossierEvent EventWith(EventPayload payload) {
  DossierEvent e;
  e.dossier_code = "H15.50.05.13-260112-0975";
  e.seq = 7;
  e.payload = std::move(payload);
  e.actor = {"import:admin", "receptionist", "04006"};
  e.occurred_at = At("2026-01-12T07:45:00+07:00");
  e.recorded_at = At("2026-01-13T01:02:03Z");
  e.imported = true;
  e.imported_by = "nguyen.admin";
  e.prev_hash = std::string(64, 'a');
  e.hash = std::string(64, 'b');
  return e;
}

json ValidReceived() { return EncodeDossierEvent(EventWith(EveryPayload()[1])); }

TEST(DossierEventCodec, EveryPayloadTypeSurvivesARoundTrip) {
  std::set<std::string_view> types;
  for (const EventPayload& payload : EveryPayload()) {
    const DossierEvent event = EventWith(payload);
    const json encoded = EncodeDossierEvent(event);
    auto decoded = DecodeDossierEvent(encoded);
    ASSERT_TRUE(decoded.has_value()) << EventTypeName(payload) << ": " << decoded.error().message_en;
    EXPECT_EQ(EncodeDossierEvent(*decoded), encoded) << EventTypeName(payload);
    EXPECT_EQ(decoded->payload.index(), payload.index());
    EXPECT_EQ(decoded->occurred_at, event.occurred_at);
    EXPECT_EQ(EventHash(*decoded), EventHash(event));
    types.insert(EventTypeName(payload));
  }
  EXPECT_EQ(types.size(), std::variant_size_v<EventPayload>);
}

TEST(DossierEventCodec, WritesTheDocumentedShape) {
  const json j = ValidReceived();
  EXPECT_EQ(j["type"], "received");
  EXPECT_EQ(j["occurred_at"], "2026-01-12T07:45:00+07:00");
  EXPECT_EQ(j["recorded_at"], "2026-01-13T08:02:03+07:00");
  EXPECT_EQ(j["actor"]["user"], "import:admin");
  EXPECT_EQ(j["payload"]["processing_unit"], "working_hour");
  EXPECT_EQ(j["payload"]["channel"], "online");
  EXPECT_EQ(j["payload"]["components"][1]["copies"], 2);
  EXPECT_EQ(EncodeDossierEvent(EventWith(EveryPayload()[15]))["payload"]["amount"], 1500000);
}

TEST(DossierEventCodec, TheHashCoversEverythingButItself) {
  DossierEvent event = EventWith(EveryPayload()[2]);
  const std::string hash = EventHash(event);
  event.hash = "different";
  EXPECT_EQ(EventHash(event), hash);
  event.prev_hash = std::string(64, 'c');
  EXPECT_NE(EventHash(event), hash);
  EXPECT_EQ(CanonicalEventText(event).find("\"hash\""), std::string::npos);
  // Sorted keys, no whitespace between tokens.
  EXPECT_EQ(
      CanonicalEventText(event).rfind(R"({"actor":{"role":"receptionist","unit":"04006","user":"import:admin"},)", 0),
      0u);
}

TEST(DossierEventCodec, HashesMayBeOmittedOnImport) {
  json j = ValidReceived();
  j.erase("hash");
  j.erase("prev_hash");
  j.erase("imported_by");
  auto decoded = DecodeDossierEvent(j);
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message_en;
  EXPECT_EQ(decoded->hash, "");
}

struct BadCase {
  const char* name;
  std::function<void(json&)> edit;
  const char* field;
};

TEST(DossierEventCodec, RefusesMalformedEventsNamingTheField) {
  const BadCase cases[] = {
      {"unknown type", [](json& j) { j["type"] = "teleported"; }, "type"},
      {"type not a string", [](json& j) { j["type"] = 3; }, "type"},
      {"unknown top-level field", [](json& j) { j["colour"] = "red"; }, "colour"},
      {"unknown payload field", [](json& j) { j["payload"]["colour"] = "red"; }, "payload.colour"},
      // fuzz_event_line found a field with an empty name refused without naming it.
      {"field with an empty name", [](json& j) { j[""] = 1; }, R"("")"},
      {"payload field with an empty name", [](json& j) { j["payload"][""] = 1; }, R"(payload."")"},
      {"missing payload field", [](json& j) { j["payload"].erase("due_at"); }, "payload.due_at"},
      {"due_at not a string", [](json& j) { j["payload"]["due_at"] = 20260115; }, "payload.due_at"},
      {"due_at not a time", [](json& j) { j["payload"]["due_at"] = "next week"; }, "payload.due_at"},
      {"copies not an integer", [](json& j) { j["payload"]["components"][1]["copies"] = "2"; },
       "payload.components[1].copies"},
      {"copies out of range", [](json& j) { j["payload"]["components"][0]["copies"] = 1LL << 40; },
       "payload.components[0].copies"},
      {"unknown channel", [](json& j) { j["payload"]["channel"] = "fax"; }, "payload.channel"},
      {"time unit alias", [](json& j) { j["payload"]["processing_unit"] = "hour"; }, "payload.processing_unit"},
      {"applicant name missing", [](json& j) { j["payload"]["applicant"].erase("name"); }, "payload.applicant.name"},
      {"actor not an object", [](json& j) { j["actor"] = "admin"; }, "actor"},
      {"unknown actor field", [](json& j) { j["actor"]["mood"] = "ok"; }, "actor.mood"},
      {"seq a fraction", [](json& j) { j["seq"] = 1.5; }, "seq"},
      {"imported a number", [](json& j) { j["imported"] = 1; }, "imported"},
      {"payload missing", [](json& j) { j.erase("payload"); }, "payload"},
      {"payload an array", [](json& j) { j["payload"] = json::array(); }, "payload"},
      {"occurred_at missing", [](json& j) { j.erase("occurred_at"); }, "occurred_at"},
  };
  for (const BadCase& c : cases) {
    json j = ValidReceived();
    c.edit(j);
    auto decoded = DecodeDossierEvent(j);
    ASSERT_FALSE(decoded.has_value()) << c.name;
    EXPECT_EQ(decoded.error().code, ErrorCode::kInvalidArgument) << c.name;
    EXPECT_EQ(decoded.error().field, c.field) << c.name;
    EXPECT_NE(decoded.error().message_vi.find(c.field), std::string::npos)
        << c.name << ": " << decoded.error().message_vi;
    EXPECT_FALSE(decoded.error().message_en.empty()) << c.name;
  }
}

// The refusal's kind came after refused events were stored and hashed: at its default it is left out, so those
// events re-encode to the bytes that were hashed, and an event without it reads as a plain refusal.
TEST(DossierEventCodec, RefusalKindIsOptionalAndLeftOutAtItsDefault) {
  const DossierEvent plain = EventWith(Refused{"không đủ điều kiện"});
  EXPECT_EQ(EncodeDossierEvent(plain)["payload"], json::parse(R"({"reason":"không đủ điều kiện"})"));
  EXPECT_NE(CanonicalEventText(plain).find(R"("payload":{"reason":"không đủ điều kiện"},)"), std::string::npos);
  const DossierEvent not_supplemented = EventWith(Refused{"quá hạn bổ sung", RefusalKind::kNotSupplemented});
  EXPECT_EQ(EncodeDossierEvent(not_supplemented)["payload"],
            json::parse(R"({"reason":"quá hạn bổ sung","kind":"not_supplemented"})"));

  struct Case {
    const char* payload;
    std::optional<RefusalKind> kind;  // nullopt: refused, on "payload.kind"
  };
  const Case cases[] = {
      {R"({"reason":"x"})", RefusalKind::kRefused},
      {R"({"reason":"x","kind":"refused"})", RefusalKind::kRefused},
      {R"({"reason":"x","kind":"not_supplemented"})", RefusalKind::kNotSupplemented},
      {R"({"reason":"x","kind":"late"})", std::nullopt},
      {R"({"reason":"x","kind":1})", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.payload);
    json j = EncodeDossierEvent(plain);
    j["payload"] = json::parse(c.payload);
    auto decoded = DecodeDossierEvent(j);
    if (!c.kind) {
      ASSERT_FALSE(decoded.has_value());
      EXPECT_EQ(decoded.error().field, "payload.kind");
      continue;
    }
    ASSERT_TRUE(decoded.has_value()) << decoded.error().message_en;
    EXPECT_EQ(std::get<Refused>(decoded->payload).kind, *c.kind);
  }
}

TEST(DossierEventCodec, RefusesWhatIsNotAnObject) {
  EXPECT_FALSE(DecodeDossierEvent(json::array()).has_value());
  EXPECT_FALSE(DecodeDossierEvent(json("received")).has_value());
}

TEST(DossierEventCodec, MoneyIsAnIntegerOfDong) {
  json j = EncodeDossierEvent(EventWith(EveryPayload()[14]));
  j["payload"]["amount"] = 1500.5;
  auto decoded = DecodeDossierEvent(j);
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error().field, "payload.amount");
}

}  // namespace
}  // namespace motcua::store
