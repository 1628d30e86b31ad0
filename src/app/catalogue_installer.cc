#include "app/catalogue_installer.h"

#include "app/reference_loader.h"

namespace motcua::app {

std::expected<CatalogueInstall, std::vector<Error>> InstallReferenceCatalogue(store::Store& store,
                                                                              const ReferenceFiles& files) {
  ReferenceLoad load = LoadReferenceCatalogue(files);
  if (!load.ok()) return std::unexpected(std::move(load.errors));
  CatalogueInstall install;
  install.warnings = std::move(load.warnings);
  auto changes = store.SaveReferenceCatalogue(load.catalogue);
  if (!changes) return std::unexpected(std::vector<Error>{changes.error()});
  install.changes = *changes;
  auto counts = store.CountCatalogue();
  if (!counts) return std::unexpected(std::vector<Error>{counts.error()});
  install.counts = *counts;
  return install;
}

}  // namespace motcua::app
