# Modules.cmake - one library per module (src/NAME), linked in flow order.
#
# medsec_module(NAME [DEPS module...] [PKGS pkg-config-id...]) builds src/NAME/*.c once
# and makes two libraries of it:
#   medsec_NAME           static, what the program and the tests link;
#   medsec_NAME_boundary  shared, linked with --no-undefined against the boundary libraries
#                         of DEPS and the PKGS only. A module that calls a function of a
#                         module it does not declare fails here, at build time.
# PKGS name pkg_check_modules prefixes (PkgConfig::<id>).
function(medsec_module name)
	cmake_parse_arguments(M "" "" "DEPS;PKGS" ${ARGN})
	file(GLOB src CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${name}/*.c)
	set(pkgs)
	foreach(p IN LISTS M_PKGS)
		list(APPEND pkgs PkgConfig::${p})
	endforeach()
	set(deps)
	set(boundary_deps)
	foreach(d IN LISTS M_DEPS)
		list(APPEND deps medsec_${d})
		list(APPEND boundary_deps medsec_${d}_boundary)
	endforeach()

	add_library(medsec_${name}_obj OBJECT ${src})
	set_target_properties(medsec_${name}_obj PROPERTIES POSITION_INDEPENDENT_CODE ON)
	target_include_directories(medsec_${name}_obj PUBLIC ${CMAKE_SOURCE_DIR}/include
				   PRIVATE ${CMAKE_SOURCE_DIR}/src)
	target_link_libraries(medsec_${name}_obj PUBLIC ${pkgs})

	add_library(medsec_${name} STATIC $<TARGET_OBJECTS:medsec_${name}_obj>)
	target_include_directories(medsec_${name} PUBLIC ${CMAKE_SOURCE_DIR}/include)
	target_link_libraries(medsec_${name} PUBLIC ${deps} ${pkgs})
	if(NOT WIN32)
		target_link_libraries(medsec_${name} PUBLIC m)
	endif()

	# libFuzzer's coverage hooks and a Windows cross build have no shared-library check.
	if(NOT MEDSEC_FUZZ AND NOT WIN32)
		add_library(medsec_${name}_boundary SHARED $<TARGET_OBJECTS:medsec_${name}_obj>)
		target_link_libraries(medsec_${name}_boundary PRIVATE ${boundary_deps} ${pkgs} m)
		target_link_options(medsec_${name}_boundary PRIVATE -Wl,--no-undefined)
	endif()
endfunction()
