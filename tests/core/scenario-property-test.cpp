#include <gtest/gtest.h>
TEST(Stub, scenarioproperty) { SUCCEED(); }
