/* CLibYAML: the system libyaml (Debian's libyaml-dev), nothing vendored. */
#include <yaml.h>
