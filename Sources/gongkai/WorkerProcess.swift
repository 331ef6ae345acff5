import Foundation

/// One `gongkai worker` child process: paths go in on its standard input, reply lines
/// come back on its standard output. Started with `posix_spawn`, so it has nothing of the
/// supervisor but the two pipes and standard error.
final class WorkerProcess {
  /// How a worker ended.
  struct Ending {
    /// What happened, for messages: `died with signal 11 (SIGSEGV)`, `exited with status 3`.
    var description: String
    /// Peak resident memory of the worker, in kilobytes.
    var peakKilobytes: Int
  }

  /// The child's process id.
  let pid: pid_t
  /// The descriptor its replies are read from.
  let replies: Int32
  private var requests: Int32
  private var buffer: [UInt8] = []
  private var reaped = false

  private init(pid: pid_t, requests: Int32, replies: Int32) {
    self.pid = pid
    self.requests = requests
    self.replies = replies
  }

  /// Starts `executable ARGUMENTS` with `extraEnvironment` added to this process's.
  static func spawn(executable: String, arguments: [String], extraEnvironment: [String: String]) throws
    -> WorkerProcess
  {
    var toChild: [Int32] = [0, 0]
    var fromChild: [Int32] = [0, 0]
    guard pipe(&toChild) == 0 else { throw CommandError("cannot start a worker: no pipe (\(errnoText()))") }
    guard pipe(&fromChild) == 0 else {
      close(toChild[0])
      close(toChild[1])
      throw CommandError("cannot start a worker: no pipe (\(errnoText()))")
    }
    // Only the duplicated ends reach the child; the others must not leak into it (or into
    // later workers, which would keep a dead worker's pipe open).
    for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)

    // The supervisor ignores SIGPIPE; the worker gets the default back.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    var environment = ProcessInfo.processInfo.environment
    for (key, value) in extraEnvironment { environment[key] = value }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    close(toChild[0])
    close(fromChild[1])
    guard status == 0 else {
      close(toChild[1])
      close(fromChild[0])
      throw CommandError("cannot start a worker \(executable): \(String(cString: strerror(status)))")
    }
    return WorkerProcess(pid: pid, requests: toChild[1], replies: fromChild[0])
  }

  /// Sends one path; false when the worker is gone.
  func send(_ path: String) -> Bool {
    requests >= 0 && LineWriter.write(path + "\n", to: requests)
  }

  /// What reading the worker's output gave.
  enum ReadResult {
    /// Complete reply lines without their newlines (possibly none yet).
    case lines([ArraySlice<UInt8>])
    /// The worker closed its output: it died or exited.
    case closed
  }

  /// Reads what the worker has written (call when `replies` is readable).
  func read() -> ReadResult {
    let previous = buffer.count
    buffer.reserveCapacity(previous + Self.chunk)
    var count = 0
    buffer.append(contentsOf: repeatElement(0, count: Self.chunk))
    buffer.withUnsafeMutableBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      count = Glibc.read(replies, base + previous, Self.chunk)
    }
    buffer.removeLast(Self.chunk - max(count, 0))
    if count < 0 && (errno == EINTR || errno == EAGAIN) { return .lines([]) }
    guard count > 0 else { return .closed }
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var index = previous
    while let newline = buffer[index...].firstIndex(of: 10) {
      lines.append(buffer[start..<newline])
      start = newline + 1
      index = start
    }
    if start > 0 {
      let rest = Array(buffer[start...])
      buffer = rest
    }
    return .lines(lines)
  }

  private static let chunk = 1 << 16

  /// Kills the worker at once (it may be stuck inside a C library).
  func kill() {
    if !reaped { _ = Glibc.kill(pid, SIGKILL) }
  }

  /// Closes the worker's input (it exits once it has answered everything), waits for it
  /// and says how it ended.
  @discardableResult
  func finish() -> Ending {
    if requests >= 0 {
      close(requests)
      requests = -1
    }
    var status: Int32 = 0
    var usage = rusage()
    var result: pid_t
    repeat { result = wait4(pid, &status, 0, &usage) } while result < 0 && errno == EINTR
    reaped = true
    close(replies)
    return Ending(description: Self.describe(status: status), peakKilobytes: usage.ru_maxrss)
  }

  /// `exited with status N` or `died with signal N (NAME)` for a wait status.
  static func describe(status: Int32) -> String {
    let signal = status & 0x7F
    if signal == 0 { return "exited with status \((status >> 8) & 0xFF)" }
    let names: [Int32: String] = [
      SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGFPE: "SIGFPE",
      SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGTRAP: "SIGTRAP", SIGPIPE: "SIGPIPE",
    ]
    return "died with signal \(signal)" + (names[signal].map { " (\($0))" } ?? "")
  }
}

/// The text of the current `errno`.
func errnoText() -> String { String(cString: strerror(errno)) }
