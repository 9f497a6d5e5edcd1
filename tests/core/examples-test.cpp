#include <gtest/gtest.h>
TEST(Stub, examples) { SUCCEED(); }
