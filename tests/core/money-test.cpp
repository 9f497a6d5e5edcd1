#include <gtest/gtest.h>
TEST(Stub, money) { SUCCEED(); }
