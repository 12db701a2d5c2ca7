# Warnings are on and clean: new code must not add any.
add_compile_options(
	-Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Wstrict-prototypes
	-Wmissing-prototypes -Wold-style-definition -Wcast-qual -Wpointer-arith
	-Wvla -Wnull-dereference -Wundef -Wwrite-strings -Wno-unused-parameter
	-Werror=implicit-function-declaration -Werror=incompatible-pointer-types)
if(CMAKE_C_COMPILER_ID STREQUAL "GNU")
	add_compile_options(-Wduplicated-cond -Wlogical-op -Wjump-misses-init)
endif()
