//! Where townhall keeps things. `TOWNHALL_CONFIG_DIR` and `TOWNHALL_DATA_DIR` override the
//! platform folders, for tests and for people who keep dotfiles elsewhere.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Dirs {
    /// The config folder (`config.yaml` lives here).
    pub config: PathBuf,
    /// User registry files: every `*.yaml` here loads after the built-in data.
    pub registry: PathBuf,
    /// State that townhall writes: favorites, last selection, exported calendars.
    pub data: PathBuf,
    /// Snapshots of the loaded registry, so an unchanged one starts without parsing; safe to
    /// delete at any time.
    pub cache: PathBuf,
}

impl Dirs {
    /// The platform's folders (e.g. `~/.config/townhall`), or the current folder's
    /// `.townhall` if the platform has no home folder to offer.
    pub fn from_env() -> Dirs {
        let project = directories::ProjectDirs::from("", "", "townhall");
        let config = env_dir("TOWNHALL_CONFIG_DIR")
            .or_else(|| project.as_ref().map(|p| p.config_dir().to_path_buf()))
            .unwrap_or_else(|| PathBuf::from(".townhall"));
        let data = env_dir("TOWNHALL_DATA_DIR")
            .or_else(|| project.as_ref().map(|p| p.data_dir().to_path_buf()))
            .unwrap_or_else(|| PathBuf::from(".townhall"));
        let cache = env_dir("TOWNHALL_CACHE_DIR")
            .or_else(|| project.as_ref().map(|p| p.cache_dir().to_path_buf()))
            .unwrap_or_else(|| data.join("cache"));
        Dirs {
            registry: config.join("registry"),
            config,
            data,
            cache,
        }
    }
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

pub fn print(dirs: &Dirs, json: bool) -> io::Result<ExitCode> {
    let mut out = crate::untrusted::output::stdout();
    if json {
        #[derive(serde::Serialize)]
        struct Shown<'a> {
            #[serde(flatten)]
            dirs: &'a Dirs,
            sources: PathBuf,
        }
        let sources = crate::sources::store::Store::new(&dirs.data)
            .dir()
            .to_path_buf();
        super::json::write(&mut out, &Shown { dirs, sources })?;
    } else {
        writeln!(out, "config    {}", dirs.config.display())?;
        writeln!(
            out,
            "registry  {}  (*.yaml here load after the built-in data)",
            dirs.registry.display()
        )?;
        writeln!(out, "state     {}", dirs.data.display())?;
        writeln!(
            out,
            "cache     {}  (loading snapshots; safe to delete)",
            dirs.cache.display()
        )?;
        writeln!(
            out,
            "sources   {}  (synced copies; `townhall sync` writes them)",
            crate::sources::store::Store::new(&dirs.data)
                .dir()
                .display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
