//! The reader on the vendored pages of cloudfoundry/community.

mod fixture;
mod hand_compiled;
