/** Thrown by a prompt when the person presses Ctrl-C or the process gets SIGTERM. Every answer so far is already saved. */
export class InterviewInterrupted extends Error {
  constructor() {
    super('interview interrupted');
    this.name = 'InterviewInterrupted';
  }
}
