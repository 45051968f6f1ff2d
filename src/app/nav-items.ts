import { BarChart3, Briefcase, History, Star, Trophy } from 'lucide-react'

export const navItems = [
  { to: '/', label: 'Market', icon: BarChart3, end: true },
  { to: '/portfolio', label: 'Portfolio', icon: Briefcase, end: false },
  { to: '/history', label: 'History', icon: History, end: false },
  { to: '/watchlist', label: 'Watchlist', icon: Star, end: false },
  { to: '/leaderboard', label: 'Leaders', icon: Trophy, end: false },
] as const
