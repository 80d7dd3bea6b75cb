/** Where the board lives: the menu links here without loading the page's code. */
export const BOARD_PATH = '/inspection-board';
