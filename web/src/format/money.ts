// Money is integer đồng: "1.500.000 đ".
const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatVnd(amount: number): string {
  return `${grouping.format(amount)} đ`;
}
