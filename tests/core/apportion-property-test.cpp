#include <gtest/gtest.h>
TEST(Stub, apportionproperty) { SUCCEED(); }
