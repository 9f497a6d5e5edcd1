#include <gtest/gtest.h>
TEST(Stub, scenario) { SUCCEED(); }
