/** Messages the stores show, in one place (DESIGN.md §8). */
export const SIGNED_OUT_IDLE = '因长时间未操作，已自动退出登录';
export const SIGNED_OUT_ELSEWHERE = '本机已由其他工作人员登录，请重新登录';
