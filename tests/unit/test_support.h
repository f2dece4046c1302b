#pragma once
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

// Real-data tests read ../shared/data beside the checkout (never copied into the project).
inline std::string sharedData(const std::string& relative) { return (std::filesystem::path(COUNCILMAP_TEST_DATA) / relative).string(); }

#define REQUIRE_SHARED_DATA(rel)                                                                  \
  do {                                                                                            \
    if (!std::filesystem::exists(sharedData(rel))) GTEST_FAIL() << "missing " << sharedData(rel); \
  } while (0)
