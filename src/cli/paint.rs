//! `--color`: whether the commands' output is styled. Only bold, underline and dim are used,
//! so the output reads the same on light and dark backgrounds, and meaning never rests on
//! the styling alone (a pipe without it loses nothing).

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// In a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to style output going to a terminal (`terminal`) or not.
    pub fn enabled(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paint {
    on: bool,
}

use crate::untrusted::output::STYLES;

const BOLD: &str = STYLES[0];
const DIM: &str = STYLES[1];
const MATCHED: &str = STYLES[2];
const RESET: &str = STYLES[3];

impl Paint {
    pub fn new(on: bool) -> Paint {
        Paint { on }
    }

    pub fn is_on(self) -> bool {
        self.on
    }

    /// For standard output, as `choice` and the terminal decide.
    pub fn for_stdout(choice: ColorChoice) -> Paint {
        Paint::new(choice.enabled(crate::untrusted::output::stdout_is_terminal()))
    }

    fn wrap(self, style: &str, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.wrap(BOLD, text)
    }

    pub fn dim(self, text: &str) -> String {
        self.wrap(DIM, text)
    }

    /// `text` with the chars at `positions` (char indices, ascending) bold and underlined,
    /// as the browser marks what a search matched.
    pub fn matched(self, text: &str, positions: &[usize]) -> String {
        if !self.on || positions.is_empty() {
            return text.to_string();
        }
        let mut out = String::new();
        let mut run = String::new();
        let mut in_match = false;
        let mut next = positions.iter().peekable();
        for (i, c) in text.chars().enumerate() {
            let is_match = next.peek().is_some_and(|&&p| p == i);
            if is_match {
                next.next();
            }
            if is_match != in_match {
                out.push_str(&if in_match {
                    self.wrap(MATCHED, &run)
                } else {
                    run.clone()
                });
                run.clear();
                in_match = is_match;
            }
            run.push(c);
        }
        out.push_str(&if in_match {
            self.wrap(MATCHED, &run)
        } else {
            run
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_is_plain_text() {
        let p = Paint::new(false);
        assert_eq!(p.bold("ID"), "ID");
        assert_eq!(p.matched("docs-uaa", &[5, 6, 7]), "docs-uaa");
    }

    #[test]
    fn matched_chars_are_bold_and_underlined() {
        let p = Paint::new(true);
        assert_eq!(
            p.matched("docs-uaa", &[5, 6, 7]),
            "docs-\x1b[1;4muaa\x1b[0m"
        );
        assert_eq!(
            p.matched("uaa x", &[0, 2]),
            "\x1b[1;4mu\x1b[0ma\x1b[1;4ma\x1b[0m x"
        );
        assert_eq!(p.bold("ID"), "\x1b[1mID\x1b[0m");
    }

    #[test]
    fn never_and_always_ignore_the_terminal() {
        assert!(!ColorChoice::Never.enabled(true));
        assert!(ColorChoice::Always.enabled(false));
        assert!(!ColorChoice::Auto.enabled(false));
    }
}
