// Compiled as C++17: see qpdf_document.h.
#include "sign/qpdf_document.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <exception>

#include <fmt/format.h>

namespace motcua::sign::qpdf_document {
namespace {

std::string Reference(QPDFObjectHandle object) {
  return fmt::format("{} {} R", object.getObjectID(), object.getGeneration());
}

void Put(std::map<int, UpdatedObject>& objects, QPDFObjectHandle original, QPDFObjectHandle value) {
  objects[original.getObjectID()] = {original.getGeneration(), value.unparse()};
}

// `array` (an array, or null for none) with `item` appended. An indirect array is rewritten as itself and the
// reference returned unchanged; a direct one is returned as a new value for its holder.
QPDFObjectHandle Appended(QPDFObjectHandle array, QPDFObjectHandle item, std::map<int, UpdatedObject>& objects) {
  QPDFObjectHandle copy = array.isArray() ? array.shallowCopy() : QPDFObjectHandle::newArray();
  copy.appendItem(item);
  if (!array.isIndirect()) return copy;
  Put(objects, array, copy);
  return array;
}

// "SignatureN", N one more than the signature fields the form has.
std::string FieldName(QPDFObjectHandle fields) {
  int signatures = 0;
  if (fields.isArray()) {
    for (QPDFObjectHandle field : fields.getArrayAsVector()) {
      if (field.isDictionary() && field.getKey("/FT").isNameAndEquals("/Sig")) ++signatures;
    }
  }
  return fmt::format("Signature{}", signatures + 1);
}

// The first page, now listing the widget among its annotations.
void AddToPage(QPDFObjectHandle page, QPDFObjectHandle widget, std::map<int, UpdatedObject>& objects) {
  QPDFObjectHandle annotations = page.getKey("/Annots");
  QPDFObjectHandle value = Appended(annotations, widget, objects);
  if (annotations.isIndirect() && annotations.isArray()) return;
  QPDFObjectHandle copy = page.shallowCopy();
  copy.replaceKey("/Annots", value);
  Put(objects, page, copy);
}

// The interactive form (ISO 32000-1 §12.7.2) listing the new field, with SigFlags 3: signatures exist, and the
// file must be saved by appending.
void AddToForm(QPDFObjectHandle root, QPDFObjectHandle field, std::map<int, UpdatedObject>& objects) {
  QPDFObjectHandle form = root.getKey("/AcroForm");
  QPDFObjectHandle copy = form.isDictionary() ? form.shallowCopy() : QPDFObjectHandle::newDictionary();
  QPDFObjectHandle fields = copy.getKey("/Fields");
  copy.replaceKey("/Fields", Appended(fields, field, objects));
  copy.replaceKey("/SigFlags", QPDFObjectHandle::newInteger(3));
  if (form.isIndirect() && form.isDictionary()) {
    Put(objects, form, copy);
    return;
  }
  QPDFObjectHandle root_copy = root.shallowCopy();
  root_copy.replaceKey("/AcroForm", copy);
  Put(objects, root, root_copy);
}

std::string TrailerEntries(QPDF& pdf, const std::map<int, UpdatedObject>& objects) {
  QPDFObjectHandle trailer = pdf.getTrailer();
  const long long size = std::max<long long>(
      trailer.getKey("/Size").isInteger() ? trailer.getKey("/Size").getIntValue() : 0, objects.rbegin()->first + 1);
  std::string entries = fmt::format(" /Size {} /Root {}", size, Reference(pdf.getRoot()));
  for (const char* key : {"/Info", "/ID"}) {
    if (trailer.hasKey(key)) entries += fmt::format(" {} {}", key, trailer.getKey(key).unparse());
  }
  return entries;
}

SignatureUpdate Refused(Refusal why) {
  SignatureUpdate update;
  update.refusal = why;
  return update;
}

std::string Text(QPDFObjectHandle value, const char* key) {
  return value.getKey(key).isString() ? value.getKey(key).getUTF8Value() : std::string();
}

void CollectSignatureFields(QPDFObjectHandle field, const std::string& parent, int depth,
                            std::vector<SignatureField>& found) {
  if (!field.isDictionary() || depth > 32) return;
  std::string name = parent;
  if (field.getKey("/T").isString()) name = (parent.empty() ? "" : parent + ".") + field.getKey("/T").getUTF8Value();
  QPDFObjectHandle value = field.getKey("/V");
  if (field.getKey("/FT").isNameAndEquals("/Sig") && value.isDictionary()) {
    SignatureField signature;
    signature.name = name;
    if (value.getKey("/SubFilter").isName()) signature.sub_filter = value.getKey("/SubFilter").getName().substr(1);
    signature.signing_time = Text(value, "/M");
    signature.signer_name = Text(value, "/Name");
    signature.reason = Text(value, "/Reason");
    signature.location = Text(value, "/Location");
    QPDFObjectHandle range = value.getKey("/ByteRange");
    if (range.isArray()) {
      std::vector<long long> numbers;
      for (QPDFObjectHandle item : range.getArrayAsVector()) {
        if (!item.isInteger()) break;
        numbers.push_back(item.getIntValue());
      }
      if (static_cast<int>(numbers.size()) == range.getArrayNItems()) signature.byte_range = numbers;
    }
    if (value.getKey("/Contents").isString()) signature.contents = value.getKey("/Contents").getStringValue();
    found.push_back(std::move(signature));
  }
  if (!field.getKey("/Kids").isArray()) return;
  for (QPDFObjectHandle kid : field.getKey("/Kids").getArrayAsVector()) {
    CollectSignatureFields(kid, name, depth + 1, found);
  }
}

}  // namespace

SignatureUpdate PlanSignatureUpdate(const std::string& original) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  try {
    pdf.processMemoryFile("document", original.data(), original.size());
    if (pdf.isEncrypted()) return Refused(Refusal::kEncrypted);
    if (pdf.getAllPages().empty()) return Refused(Refusal::kNoPages);
    if (pdf.anyWarnings()) return Refused(Refusal::kDamaged);
    SignatureUpdate update;
    QPDFObjectHandle page = pdf.getAllPages().front();
    QPDFObjectHandle signature = pdf.makeIndirectObject(QPDFObjectHandle::newNull());
    QPDFObjectHandle widget = pdf.makeIndirectObject(QPDFObjectHandle::newNull());
    update.signature_object = signature.getObjectID();
    update.objects[signature.getObjectID()] = {0, ""};
    update.objects[widget.getObjectID()] = {
        0, fmt::format("<< /Type /Annot /Subtype /Widget /FT /Sig /T ({}) /F 132 /Rect [0 0 0 0] /P {} /V {} >>",
                       FieldName(pdf.getRoot().getKey("/AcroForm").getKey("/Fields")), Reference(page),
                       Reference(signature))};
    AddToPage(page, widget, update.objects);
    AddToForm(pdf.getRoot(), widget, update.objects);
    update.trailer_entries = TrailerEntries(pdf, update.objects);
    return update;
  } catch (const std::exception&) {
    return Refused(Refusal::kUnreadable);
  }
}

std::string TextString(const std::string& utf8) { return QPDFObjectHandle::newUnicodeString(utf8).unparse(); }

std::optional<std::vector<SignatureField>> ReadSignatureFields(const std::string& pdf) {
  QPDF document;
  document.setSuppressWarnings(true);
  std::vector<SignatureField> fields;
  try {
    document.processMemoryFile("document", pdf.data(), pdf.size());
    QPDFObjectHandle form_fields = document.getRoot().getKey("/AcroForm").getKey("/Fields");
    if (form_fields.isArray()) {
      for (QPDFObjectHandle field : form_fields.getArrayAsVector()) CollectSignatureFields(field, "", 0, fields);
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return fields;
}

}  // namespace motcua::sign::qpdf_document
