#pragma once
// The seed of a randomized test: a new one on each run, so that runs together try more inputs than one fixed seed
// would, and shown, so that a failing run can be replayed: MOTCUA_TEST_SEED=<seed> gives that run's seed back.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

namespace motcua::test_support {

// MOTCUA_TEST_SEED when it is set (a decimal number; anything else throws, failing the test), else a fresh seed
// from std::random_device. Prints it (CTest shows it with a failure's output) and records it as the test's
// property "seed" (in the XML report). Call it from a test's body, and put the seed in a SCOPED_TRACE so that
// every failure message carries it.
inline std::uint32_t TestSeed() {
  const char* given = std::getenv("MOTCUA_TEST_SEED");
  const std::uint32_t seed =
      given != nullptr && *given != '\0' ? static_cast<std::uint32_t>(std::stoul(given)) : std::random_device{}();
  std::cout << "[   SEED   ] MOTCUA_TEST_SEED=" << seed << " replays this run\n";
  ::testing::Test::RecordProperty("seed", std::to_string(seed));
  return seed;
}

}  // namespace motcua::test_support
