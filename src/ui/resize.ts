// Redrawing a prompt when the terminal is resized. Terminals that reflow text
// (tmux, VTE, iTerm2, kitty) change how many rows the last drawing takes, so
// inquirer would erase the wrong number of lines and leave pieces behind: the
// screen is cleared first and the prompt drawn again from the top.
import { useEffect, useState } from '@inquirer/core';

const CLEAR_SCREEN = '\u001b[H\u001b[2J';

/** A hook for @inquirer/core prompts: re-render on a clean screen after every resize. */
export function useRedrawOnResize(): void {
  const [, setResized] = useState(0);
  useEffect(() => {
    const onResize = (): void => {
      process.stdout.write(CLEAR_SCREEN);
      setResized((n) => n + 1);
    };
    process.stdout.on('resize', onResize);
    return () => void process.stdout.off('resize', onResize);
  }, []);
}
