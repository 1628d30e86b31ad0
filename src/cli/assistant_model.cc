#include "cli/assistant_model.h"

#include <utility>

#include "adapters/openai/openai_rephraser.h"

namespace motcua::cli {

void AddAssistantModelOptions(CLI::App& command, AssistantModelOptions& options) {
  command.add_option("--assistant-endpoint", options.endpoint,
                     "An OpenAI-compatible API of the province's own language model, http://host[:port][/path]: "
                     "it rewords the catalogue's answers, checked to add nothing (default: off)");
  command.add_option("--assistant-model", options.model,
                     "The model name sent to --assistant-endpoint (default \"default\")");
}

Result<std::unique_ptr<app::AnswerRephraser>> OpenAssistantRephraser(const AssistantModelOptions& options) {
  if (options.endpoint.empty()) return std::unique_ptr<app::AnswerRephraser>();
  adapters::OpenAiRephraserOptions settings;
  settings.endpoint = options.endpoint;
  settings.model = options.model;
  settings.api_key = adapters::AssistantApiKeyFromEnvironment();
  auto rephraser = adapters::OpenAiRephraser::Create(std::move(settings));
  if (!rephraser) return Fail(rephraser.error());
  return std::unique_ptr<app::AnswerRephraser>(std::move(*rephraser));
}

}  // namespace motcua::cli
