//! A problem found in a registry file, printed the way compilers print them so editors and
//! terminals can jump to it: `path:line:column: message`.

use std::fmt;

use super::pos::Pos;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// The file as the user named it (or `data/x.yaml (built in)`).
    pub file: String,
    /// None when the problem is about the file as a whole (it can't be read).
    pub pos: Option<Pos>,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn error(file: &str, pos: Option<Pos>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            pos,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(file: &str, pos: Option<Pos>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            pos,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// As written: the file name and the message quote outside text, so whatever prints a problem
/// passes it through `untrusted::one_line` (the model may not depend on the escaper).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(pos) = self.pos {
            write!(f, ":{}:{}", pos.line, pos.column)?;
        }
        let label = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(f, ": {label}{}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_a_compiler() {
        let p = Problem::error(
            "reg.yaml",
            Some(Pos { line: 3, column: 5 }),
            "unknown key `misson`",
        );
        assert_eq!(p.to_string(), "reg.yaml:3:5: unknown key `misson`");
        let w = Problem::warning("reg.yaml", None, "empty file");
        assert_eq!(w.to_string(), "reg.yaml: warning: empty file");
    }
}
