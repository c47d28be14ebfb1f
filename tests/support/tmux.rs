//! The real binary in a real terminal: a tmux server of our own per test.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthStr;

/// A tmux server of our own (private socket, no user config) running hocso.
pub struct Tmux {
    socket: PathBuf,
    /// hocso's log, shown when a wait fails.
    pub log: Option<PathBuf>,
    _dir: tempfile::TempDir,
}

impl Tmux {
    pub fn start(width: u16, height: u16, args: &[&str]) -> Tmux {
        Tmux::start_with_env(&[], width, height, args)
    }

    /// As [`Tmux::start`], with environment variables set for hocso.
    pub fn start_with_env(env: &[(&str, &str)], width: u16, height: u16, args: &[&str]) -> Tmux {
        // `exec`, so the pane's process is hocso itself (for tests that kill it).
        Tmux::open(width, height, &format!("exec {}", hocso_command(env, args)))
    }

    /// As [`Tmux::start_with_env`], with hocso run by `wrapper` (a program and its
    /// arguments, such as `strace -o FILE`): the pane's process is the wrapper.
    pub fn start_under(
        wrapper: &[&str],
        env: &[(&str, &str)],
        width: u16,
        height: u16,
        args: &[&str],
    ) -> Tmux {
        let wrapper: String = wrapper.iter().map(|w| format!("'{w}' ")).collect();
        Tmux::open(
            width,
            height,
            &format!("exec {wrapper}{}", hocso_command(env, args)),
        )
    }

    /// As [`Tmux::start_with_env`], but hocso runs from a shell that stays in the pane when
    /// it exits: `before` runs first, then hocso, then `after` with hocso's exit status in
    /// `$status`. For tests of what hocso leaves behind in the terminal.
    pub fn start_in_shell(
        env: &[(&str, &str)],
        width: u16,
        height: u16,
        args: &[&str],
        before: &str,
        after: &str,
    ) -> Tmux {
        let command = format!(
            "{before}; {}; status=$?; {after}; exec sleep 600",
            hocso_command(env, args)
        );
        Tmux::open(width, height, &command)
    }

    /// hocso behind `wrapper` (`strace …`, `setpriv …`; empty for none), with `env` set,
    /// from a shell that writes hocso's exit status to `status` when it ends and then
    /// stays in the pane.
    pub fn start_wrapped(
        wrapper: &str,
        env: &[(&str, &str)],
        width: u16,
        height: u16,
        args: &[&str],
        status: &std::path::Path,
    ) -> Tmux {
        let command = format!(
            "{wrapper} {}; echo $? > '{}'; exec sleep 600",
            hocso_command(env, args),
            status.display()
        );
        Tmux::open(width, height, &command)
    }

    fn open(width: u16, height: u16, command: &str) -> Tmux {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("tmux.sock");
        let tmux = Tmux {
            socket,
            log: None,
            _dir: dir,
        };
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux failed to start (is tmux installed?): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    /// The pane's value for a tmux format variable, e.g. `alternate_on`.
    pub fn pane_format(&self, name: &str) -> String {
        let out = self.run(&["display-message", "-p", &format!("#{{{name}}}")]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux is installed (apt-get install tmux)")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    pub fn literal(&self, text: &str) {
        assert!(self.run(&["send-keys", "-l", text]).status.success());
    }

    pub fn screen(&self) -> String {
        String::from_utf8(self.run(&["capture-pane", "-p"]).stdout).unwrap()
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!(
                    "`{text}` never appeared; the screen:\n{screen}\n{}",
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A choice step: presses the digit the screen shows beside the option that reads
    /// `option` (options are shuffled on each showing).
    pub fn choose(&self, option: &str) {
        let screen = self.wait_for(option);
        let digit = screen
            .lines()
            .find(|l| l.contains(option))
            .and_then(|l| {
                l.split_whitespace()
                    .find(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_digit()))
            })
            .unwrap_or_else(|| panic!("no number beside `{option}`:\n{screen}"))
            .to_owned();
        self.keys(&[digit.as_str()]);
    }

    /// Waits until the screen satisfies `ok`; panics with the screen if it never does.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!(
                    "never saw {what}; the screen:\n{screen}\n{}",
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The end of hocso's log, if the test said where it is.
    fn log_tail(&self) -> String {
        let Some(path) = &self.log else {
            return String::new();
        };
        let log = std::fs::read_to_string(path).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        format!(
            "hocso.log (last lines):\n{}",
            lines[lines.len().saturating_sub(15)..].join("\n")
        )
    }

    /// Touches the cell at 0-based (`col`, `row`) as a person would: after the screen has
    /// settled (a touch just after it changed does nothing), a press and, a moment later,
    /// the lift, as xterm's SGR mouse mode sends them.
    pub fn click(&self, col: usize, row: usize) {
        std::thread::sleep(std::time::Duration::from_millis(600));
        self.tap(col, row, 60);
    }

    /// A press at 0-based (`col`, `row`) and its lift `held_ms` later, at once.
    pub fn tap(&self, col: usize, row: usize, held_ms: u64) {
        self.literal(&format!("\x1b[<0;{};{}M", col + 1, row + 1));
        std::thread::sleep(std::time::Duration::from_millis(held_ms));
        self.literal(&format!("\x1b[<0;{};{}m", col + 1, row + 1));
    }

    pub fn resize(&self, width: u16, height: u16) {
        let out = self.run(&[
            "resize-window",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn alive(&self) -> bool {
        self.run(&["has-session"]).status.success()
    }

    /// Waits until the pane's process has exited (the session ends with it); panics with
    /// the screen if it is still running after 20 s.
    pub fn wait_for_exit(&self) {
        let start = Instant::now();
        while self.alive() {
            if start.elapsed() > Duration::from_secs(20) {
                panic!(
                    "still running after 20 s; the screen:\n{}\n{}",
                    self.screen(),
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Signs in: a new learner (returning their code), or the learner with `code`.
    pub fn sign_in(&self, code: Option<&str>) -> String {
        self.keys(&["Enter"]);
        self.wait_for("Bác học lần đầu");
        match code {
            None => {
                self.keys(&["1"]);
                self.wait_for("Bác muốn được gọi là gì?");
                self.literal("Bác Kiểm Tra");
                self.keys(&["Enter"]);
                self.wait_for("Bác thuộc nhóm tuổi nào?");
                self.keys(&["5"]);
                let screen = self.wait_for("Mã số của bác là");
                let code: String = screen
                    .lines()
                    .map(|l| l.split_whitespace().collect::<String>())
                    .find(|l| l.len() == 4 && l.chars().all(|c| c.is_ascii_digit()))
                    .expect("the code on screen");
                self.keys(&["Enter"]);
                code
            }
            Some(code) => {
                self.keys(&["2"]);
                self.wait_for("Bác nhập mã số");
                self.literal(code);
                self.keys(&["Enter"]);
                code.to_owned()
            }
        }
    }

    /// Kills hocso at once (SIGKILL), as a pulled plug would.
    /// A kiosk's first start: chooses `pin` as the volunteer PIN (typed twice), and waits
    /// for the welcome screen.
    pub fn choose_pin(&self, pin: &str) {
        self.wait_for("Lần đầu dùng máy");
        self.literal(pin);
        self.keys(&["Enter"]);
        self.wait_for("Nhập lại mã PIN vừa chọn");
        self.literal(pin);
        self.keys(&["Enter"]);
        self.wait_for("Chạm vào màn hình");
    }

    /// Opens the volunteer panel with the keys' chord and `pin`; returns its screen.
    pub fn open_panel(&self, pin: &str) -> String {
        self.keys(&["C-M-v"]);
        self.wait_for("Nhập mã PIN");
        self.literal(pin);
        self.keys(&["Enter"]);
        self.wait_for("Bảng tình nguyện viên")
    }

    pub fn kill(&self) {
        let out = self.run(&["display-message", "-p", "#{pane_pid}"]);
        let pid = String::from_utf8(out.stdout).unwrap().trim().to_owned();
        assert!(!pid.is_empty(), "no pane");
        let status = Command::new("kill").args(["-9", &pid]).status().unwrap();
        assert!(status.success());
        let start = Instant::now();
        while self.alive() && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The shell command that runs hocso with `env` set and `args`, each quoted.
fn hocso_command(env: &[(&str, &str)], args: &[&str]) -> String {
    let vars: String = env.iter().map(|(k, v)| format!("{k}='{v}' ")).collect();
    let mut command = format!("env {vars}{}", env!("CARGO_BIN_EXE_hocso"));
    for a in args {
        command.push_str(&format!(" '{a}'"));
    }
    command
}

/// The 0-based column and row of `needle` on `screen`.
pub fn find(screen: &str, needle: &str) -> (usize, usize) {
    for (row, line) in screen.lines().enumerate() {
        if let Some(at) = line.find(needle) {
            return (line[..at].width(), row);
        }
    }
    panic!("`{needle}` is not on the screen:\n{screen}");
}

/// Where `needle` is on the pretend phone (inside its frame, right of the text column):
/// 0-based column and row of its first character.
pub fn find_on_phone(screen: &str, needle: &str) -> (usize, usize) {
    for (row, line) in screen.lines().enumerate() {
        let Some(frame) = line.find('│') else {
            continue;
        };
        if let Some(at) = line[frame..].find(needle) {
            return (line[..frame + at].width(), row);
        }
    }
    panic!("`{needle}` is not on the phone:\n{screen}");
}
