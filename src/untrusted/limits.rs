//! Every bound on outside input, in one place so the README and the messages agree. Each is
//! far above anything real (the built-in registry's largest file is 245 KB with 12,000 YAML
//! values; a synthetic 10,000-group registry is 32 MB with 1.9 million) and low enough that the worst input
//! within it loads in seconds and well under 1 GiB.

/// Largest registry file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 64 << 20;
/// Largest loading snapshot read back from the cache folder (100,000 synthetic groups make
/// about 250 MB); a larger one is rebuilt from the registry files.
pub const MAX_SNAPSHOT_BYTES: u64 = 1 << 30;
/// Largest `state.json` (favorites and the last selection), in bytes.
pub const MAX_STATE_BYTES: u64 = 4 << 20;
/// Largest `config.yaml`, in bytes.
pub const MAX_CONFIG_BYTES: u64 = 64 << 10;
/// Most YAML values (scalars, lists, mappings) in one file.
pub const MAX_YAML_VALUES: usize = 4_000_000;
/// Most values aliases may copy in one file, so a "billion laughs" file of aliases of aliases
/// is refused as it expands (real registries use a few aliases or none).
pub const MAX_ALIAS_VALUES: usize = 100_000;
/// Deepest nesting of lists and mappings; registry files need about 8.
pub const MAX_DEPTH: usize = 64;
/// Longest single value (a mission, a link), in bytes.
pub const MAX_VALUE_BYTES: usize = 64 << 10;
/// Most groups loaded from all files together.
pub const MAX_GROUPS: usize = 200_000;
/// Most registry files read from one folder.
pub const MAX_FOLDER_FILES: usize = 1_000;
/// Most terms in a search query, and most characters in it.
pub const MAX_QUERY_TERMS: usize = 64;
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Most days `upcoming --days` looks ahead.
pub const MAX_DAYS: u32 = 366;
