#include "store/store.h"

namespace motcua::store {

std::size_t CatalogueChanges::TotalWritten() const {
  return provinces.written + communes.written + legacy_communes.written + legacy_links.written + procedures.written +
         procedure_channels.written + procedure_documents.written + calendar.written;
}

}  // namespace motcua::store
